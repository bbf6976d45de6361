using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// Small helpers for writing SVG with System.Xml.Linq: elements in the SVG namespace, invariant-culture numbers, text
/// cleaned of characters XML cannot hold (the XML writer escapes <c>&lt;&amp;&gt;</c>), and deterministic serialisation.
/// </summary>
internal static class SvgDocument
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Fonts found on mail clients and on the rasteriser's machine alike.</summary>
    public const string FontFamily = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

    /// <summary>The base font size in pixels.</summary>
    public const double FontSize = 11;

    /// <summary>The estimated mean glyph width at <see cref="FontSize"/>, used to fit and place text.</summary>
    public const double CharWidth = 6.2;

    /// <summary>Creates an element in the SVG namespace.</summary>
    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>An attribute whose value is a number written by <see cref="Num"/>.</summary>
    public static XAttribute Attr(string name, double value) => new(name, Num(value));

    /// <summary>A coordinate or length: at most two decimals, invariant culture, never "-0".</summary>
    public static string Num(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Removes characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis so its estimated width fits <paramref name="width"/>.</summary>
    public static string Fit(string text, double width, double fontSize = FontSize)
    {
        var charWidth = CharWidth * fontSize / FontSize;
        var max = (int)Math.Floor(width / charWidth);
        if (text.Length <= max)
        {
            return text;
        }

        return max <= 1 ? string.Empty : text[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>The estimated width of <paramref name="text"/> in pixels.</summary>
    public static double Width(string text, double fontSize = FontSize) => text.Length * CharWidth * fontSize / FontSize;

    /// <summary>A text element at (x, y) with the given attributes.</summary>
    public static XElement Text(double x, double y, string text, params object[] attributes) =>
        El("text", Attr("x", x), Attr("y", y), attributes, Clean(text));

    /// <summary>A white outline painted under a label's glyphs, so it stays legible over lines and bands.</summary>
    public static object[] Halo() =>
    [
        new XAttribute("stroke", "#ffffff"),
        new XAttribute("stroke-width", "3"),
        new XAttribute("stroke-linejoin", "round"),
        new XAttribute("paint-order", "stroke"),
    ];

    /// <summary>
    /// The root <c>&lt;svg&gt;</c> with namespace, version, size, viewBox, <c>role="img"</c>, <c>&lt;title&gt;</c>,
    /// <c>&lt;desc&gt;</c> and a white background.
    /// </summary>
    public static XElement Root(ChartSpec spec, ChartSize size)
    {
        var id = "chart-" + StableHash(spec.GetType().Name + "\n" + spec.Title + "\n" + spec.Description + "\n" + size);
        return El(
            "svg",
            new XAttribute("version", "1.1"),
            new XAttribute("width", size.Width.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("height", size.Height.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("viewBox", FormattableString.Invariant($"0 0 {size.Width} {size.Height}")),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", id + "-title"),
            new XAttribute("aria-describedby", id + "-desc"),
            new XAttribute("font-family", FontFamily),
            Attr("font-size", FontSize),
            El("title", new XAttribute("id", id + "-title"), Clean(spec.Title)),
            El("desc", new XAttribute("id", id + "-desc"), Clean(spec.Description)),
            El("rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")));
    }

    /// <summary>Writes the document without an XML declaration, indented with "\n" line ends, the same bytes every time.</summary>
    public static string Serialize(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, settings))
        {
            root.WriteTo(writer);
        }

        return output.Append('\n').ToString();
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across runs and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
