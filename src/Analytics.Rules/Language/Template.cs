using System.Globalization;
using System.Text;
using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>
/// An annotation template: text with <c>{{ $labels.team }}</c> and <c>{{ $value }}</c> placeholders, optionally formatted
/// with <c>| humanize</c> (3 significant digits), <c>| percent</c> (0.25 → 25%) or <c>| duration</c> (seconds → 2d 3h).
/// A label the alert does not carry renders as the empty string.
/// </summary>
public sealed class Template
{
    /// <summary>The formats a placeholder may use.</summary>
    public static readonly IReadOnlyList<string> Formats = ["humanize", "percent", "duration"];

    private Template(string source, IReadOnlyList<TemplatePart> parts)
    {
        Source = source;
        Parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Source { get; }

    /// <summary>Its pieces.</summary>
    public IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>Parses a template; a malformed placeholder is returned as an error at its offset.</summary>
    public static (Template? Template, ExpressionError? Error) Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<TemplatePart>();
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(source[i..], null, null));
                break;
            }

            if (open > i)
            {
                parts.Add(new TemplatePart(source[i..open], null, null));
            }

            var close = source.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0)
            {
                return (null, new ExpressionError(open, "'{{' is not closed by '}}'"));
            }

            var inner = source[(open + 2)..close];
            var pipe = inner.IndexOf('|', StringComparison.Ordinal);
            var reference = (pipe < 0 ? inner : inner[..pipe]).Trim();
            var format = pipe < 0 ? null : inner[(pipe + 1)..].Trim();
            if (format is not null && !Formats.Contains(format))
            {
                return (null, new ExpressionError(open, $"unknown format '{format}'{Domain.Common.Suggest.DidYouMean(format, Formats)} (formats: {string.Join(", ", Formats)})"));
            }

            if (reference == "$value")
            {
                parts.Add(new TemplatePart(null, null, format));
            }
            else if (reference.StartsWith("$labels.", StringComparison.Ordinal) && reference.Length > "$labels.".Length)
            {
                parts.Add(new TemplatePart(null, reference["$labels.".Length..], format));
            }
            else
            {
                return (null, new ExpressionError(open, $"unknown placeholder '{reference}': use {{{{ $labels.<name> }}}} or {{{{ $value }}}}"));
            }

            i = close + 2;
        }

        return (new Template(source, parts), null);
    }

    /// <summary>The labels the template reads.</summary>
    public IEnumerable<string> LabelsRead => Parts.Where(p => p.Label is not null).Select(p => p.Label!);

    /// <summary>Renders the template for one alert.</summary>
    public string Render(Labels labels, double value)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            if (part.Text is not null)
            {
                text.Append(part.Text);
            }
            else if (part.Label is not null)
            {
                text.Append(labels[part.Label] ?? "");
            }
            else
            {
                text.Append(FormatValue(value, part.Format));
            }
        }

        return text.ToString();
    }

    /// <summary>Formats a value: plain (up to 4 decimals), humanize, percent or duration.</summary>
    public static string FormatValue(double value, string? format) => format switch
    {
        "humanize" => value.ToString("G3", CultureInfo.InvariantCulture),
        "percent" => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        "duration" => HumanDuration(value),
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string HumanDuration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Abs(Math.Round(seconds)));
        var sign = seconds < 0 ? "-" : "";
        return span switch
        {
            { TotalDays: >= 1 } => $"{sign}{(int)span.TotalDays}d {span.Hours}h",
            { TotalHours: >= 1 } => $"{sign}{span.Hours}h {span.Minutes}m",
            { TotalMinutes: >= 1 } => $"{sign}{span.Minutes}m {span.Seconds}s",
            _ => $"{sign}{span.Seconds}s",
        };
    }
}
