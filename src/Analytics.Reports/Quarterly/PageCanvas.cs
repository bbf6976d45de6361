using System.Globalization;
using System.Xml.Linq;
using Analytics.Reports.Charts.Svg;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// One A4 page (794 × 1123 CSS pixels, 210 × 297 mm at 96 px per inch) drawn as SVG from the top down: headings,
/// wrapped paragraphs, tables and charts, in the charts' fonts, so the PDF's text is real, selectable text.
/// </summary>
internal sealed class PageCanvas
{
    public const int PageWidth = 794;
    public const int PageHeight = 1123;
    public const double Margin = 48;
    public const double ContentWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - 60;

    private readonly XElement _root;

    public PageCanvas(string title)
    {
        _root = SvgDocument.El(
            "svg",
            new XAttribute("version", "1.1"),
            new XAttribute("width", PageWidth.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("height", PageHeight.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("viewBox", FormattableString.Invariant($"0 0 {PageWidth} {PageHeight}")),
            new XAttribute("font-family", SvgDocument.FontFamily),
            SvgDocument.Attr("font-size", SvgDocument.FontSize),
            SvgDocument.El("title", SvgDocument.Clean(title)),
            SvgDocument.El("rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")));
        Y = Margin;
    }

    /// <summary>Where the next element starts, from the page's top.</summary>
    public double Y { get; private set; }

    /// <summary>Whether <paramref name="height"/> more pixels fit above the footer.</summary>
    public bool Fits(double height) => Y + height <= Bottom;

    public void Space(double pixels) => Y += pixels;

    public void Kicker(string text)
    {
        Y += 12;
        _root.Add(SvgDocument.Text(Margin, Y, text.ToUpperInvariant(), Fill("#5b6475"), Size(10), new XAttribute("letter-spacing", "0.6")));
        Y += 8;
    }

    public void Heading(string text, double size = 26)
    {
        Y += size;
        _root.Add(SvgDocument.Text(Margin, Y, SvgDocument.Fit(text, ContentWidth, size), Size(size), new XAttribute("font-weight", "bold"), Fill("#1d2330")));
        Y += size * 0.45;
    }

    public void Subheading(string text)
    {
        Y += 22;
        _root.Add(SvgDocument.Text(Margin, Y, text, Size(15), new XAttribute("font-weight", "bold"), Fill("#1d2330")));
        Y += 6;
        _root.Add(Line(Margin, Y, Margin + ContentWidth, Y, "#e3e6eb"));
        Y += 6;
    }

    /// <summary>A paragraph wrapped to the content width; returns the lines written.</summary>
    public int Paragraph(string text, double size = 11.5, string color = "#1d2330", double indent = 0, int maxLines = 12)
    {
        var lines = Wrap(text, ContentWidth - indent, size).Take(maxLines).ToList();
        foreach (var line in lines)
        {
            Y += size * 1.45;
            _root.Add(SvgDocument.Text(Margin + indent, Y, line, Size(size), Fill(color)));
        }

        Y += size * 0.4;
        return lines.Count;
    }

    /// <summary>A coloured box with a big label and a note beside it (a level badge).</summary>
    public void Badge(string label, string note, string color)
    {
        Y += 8;
        const double height = 46;
        var width = Math.Max(150, SvgDocument.Width(label, 20) + 28);
        _root.Add(SvgDocument.El("rect", SvgDocument.Attr("x", Margin), SvgDocument.Attr("y", Y), SvgDocument.Attr("width", width), SvgDocument.Attr("height", height), new XAttribute("rx", "6"), Fill(color)));
        _root.Add(SvgDocument.Text(Margin + 14, Y + 30, label, Size(20), new XAttribute("font-weight", "bold"), Fill("#ffffff")));
        var noteLines = Wrap(note, ContentWidth - width - 16, 11.5).Take(3).ToList();
        for (var i = 0; i < noteLines.Count; i++)
        {
            _root.Add(SvgDocument.Text(Margin + width + 16, Y + 18 + (i * 16), noteLines[i], Size(11.5), Fill("#3b4350")));
        }

        Y += height + 6;
    }

    /// <summary>
    /// A table: a header row, then rows of cells. Column widths are fractions of the content width. The first column may
    /// carry a second, grey line (a cell's text after a newline). A cell's colour is taken from <paramref name="colour"/>.
    /// </summary>
    public void Table(IReadOnlyList<double> widths, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, int, string?>? colour = null, Func<int, bool>? highlight = null)
    {
        var xs = new List<double> { Margin };
        foreach (var w in widths)
        {
            xs.Add(xs[^1] + (w * ContentWidth));
        }

        Y += 18;
        for (var c = 0; c < header.Count; c++)
        {
            _root.Add(SvgDocument.Text(xs[c] + 4, Y, SvgDocument.Fit(header[c], (xs[c + 1] - xs[c]) - 8, 10), Size(10), new XAttribute("font-weight", "bold"), Fill("#5b6475")));
        }

        Y += 6;
        _root.Add(Line(Margin, Y, Margin + ContentWidth, Y, "#c9ced6"));
        for (var r = 0; r < rows.Count; r++)
        {
            var twoLines = rows[r].Any(cell => cell.Contains('\n', StringComparison.Ordinal));
            var height = twoLines ? 34 : 22;
            if (highlight?.Invoke(r) == true)
            {
                _root.Add(SvgDocument.El("rect", SvgDocument.Attr("x", Margin), SvgDocument.Attr("y", Y), SvgDocument.Attr("width", ContentWidth), SvgDocument.Attr("height", height), Fill("#eef5fb")));
            }

            for (var c = 0; c < rows[r].Count && c < widths.Count; c++)
            {
                var width = (xs[c + 1] - xs[c]) - 8;
                var parts = rows[r][c].Split('\n', 2);
                _root.Add(SvgDocument.Text(xs[c] + 4, Y + 15, SvgDocument.Fit(parts[0], width, 11), Size(11), Fill(colour?.Invoke(r, c) ?? "#1d2330")));
                if (parts.Length > 1)
                {
                    _root.Add(SvgDocument.Text(xs[c] + 4, Y + 28, SvgDocument.Fit(parts[1], width, 9), Size(9), Fill("#6b7383")));
                }
            }

            Y += height;
            _root.Add(Line(Margin, Y, Margin + ContentWidth, Y, "#eef0f3"));
        }

        Y += 4;
    }

    /// <summary>Places a standalone chart SVG (from the chart layer) at the current position, left-aligned.</summary>
    public void Chart(string svg)
    {
        var chart = XElement.Parse(svg);
        var height = double.Parse(chart.Attribute("height")!.Value, CultureInfo.InvariantCulture);
        chart.SetAttributeValue("x", SvgDocument.Num(Margin));
        chart.SetAttributeValue("y", SvgDocument.Num(Y + 8));
        _root.Add(chart);
        Y += height + 12;
    }

    /// <summary>The footer line and the finished document.</summary>
    public string Finish(string footer, int page, int pages)
    {
        _root.Add(Line(Margin, PageHeight - 44, Margin + ContentWidth, PageHeight - 44, "#e3e6eb"));
        _root.Add(SvgDocument.Text(Margin, PageHeight - 28, SvgDocument.Fit(footer, ContentWidth - 90, 9.5), Size(9.5), Fill("#8a91a0")));
        _root.Add(SvgDocument.Text(Margin + ContentWidth, PageHeight - 28, $"page {page} of {pages}", Size(9.5), Fill("#8a91a0"), new XAttribute("text-anchor", "end")));
        return SvgDocument.Serialize(_root);
    }

    /// <summary>Greedy word wrap by estimated glyph widths; a word longer than a line is cut with an ellipsis.</summary>
    public static IEnumerable<string> Wrap(string text, double width, double size)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (SvgDocument.Width(candidate, size) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }

            line = SvgDocument.Fit(word, width, size);
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static XAttribute Fill(string colour) => new("fill", colour);

    private static XAttribute Size(double size) => SvgDocument.Attr("font-size", size);

    private static XElement Line(double x1, double y1, double x2, double y2, string colour) =>
        SvgDocument.El("line", SvgDocument.Attr("x1", x1), SvgDocument.Attr("y1", y1), SvgDocument.Attr("x2", x2), SvgDocument.Attr("y2", y2), new XAttribute("stroke", colour), new XAttribute("stroke-width", "1"));
}
