using System.Globalization;
using System.Xml;

namespace Analytics.Collectors.TestReports;

/// <summary>Reading attribute values the way report writers actually write them.</summary>
internal static class ReportValues
{
    /// <summary>Messages longer than this are cut: a first line is a summary, not a stack trace.</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>Text read from an element before its first line is taken; the rest is skipped unread.</summary>
    public const int MaxTextRead = 8_192;

    /// <summary>Timestamps before this are placeholders (jest-junit's 1970 for suites that failed to run, gotestsum's year 1).</summary>
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Reads seconds such as <c>0.034</c>, <c>1,234.567</c> (Surefire's thousands separators) or <c>1e-7</c>; null or
    /// blank is zero.
    /// </summary>
    /// <exception cref="TestReportFormatException">The value is not a finite, non-negative number.</exception>
    public static TimeSpan Seconds(string? text, XmlReader at, string attribute)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        if (!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            throw Error(at, $"{attribute}=\"{text}\" is not a number of seconds");
        }

        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>Reads a TRX duration (<c>hh:mm:ss.fffffff</c>, or <c>d.hh:mm:ss</c>); null or blank is zero.</summary>
    /// <exception cref="TestReportFormatException">The value is not a duration.</exception>
    public static TimeSpan Duration(string? text, XmlReader at, string attribute)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) || duration < TimeSpan.Zero)
        {
            throw Error(at, $"{attribute}=\"{text}\" is not a duration (hh:mm:ss.fffffff)");
        }

        return duration;
    }

    /// <summary>
    /// Reads a timestamp. With an offset (or <c>Z</c>) it is exact. Without one it is UTC when <paramref name="naiveIsUtc"/>,
    /// local time of <paramref name="zone"/> when given, and otherwise unknown (null). Placeholders before 2000 are null.
    /// </summary>
    /// <exception cref="TestReportFormatException">The value is not a date and time.</exception>
    public static DateTimeOffset? Timestamp(string? text, bool naiveIsUtc, TimeZoneInfo? zone, int line, int column, string attribute)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        DateTimeOffset value;
        if (HasOffset(trimmed))
        {
            if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                throw new TestReportFormatException($"{attribute}=\"{text}\" is not a date and time", line, column);
            }
        }
        else
        {
            if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new TestReportFormatException($"{attribute}=\"{text}\" is not a date and time", line, column);
            }

            if (naiveIsUtc)
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
            }
            else if (zone is not null)
            {
                value = new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
            else
            {
                return null;
            }
        }

        return value < Earliest ? null : value;
    }

    /// <summary>The first non-blank line of <paramref name="text"/>, trimmed and cut to <see cref="MaxMessageLength"/>; null when there is none.</summary>
    public static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (!line.IsEmpty)
            {
                return line.Length <= MaxMessageLength ? line.ToString() : line[..MaxMessageLength].ToString();
            }
        }

        return null;
    }

    /// <summary>An error at the reader's current element.</summary>
    public static TestReportFormatException Error(XmlReader at, string message)
    {
        var (line, column) = Position(at);
        return new TestReportFormatException(message, line, column);
    }

    /// <summary>The reader's current line and column, when it knows them.</summary>
    public static (int Line, int Column) Position(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        // An offset follows the time: look for + or - after the 'T' (dates themselves contain '-').
        var t = text.IndexOfAny(['T', 't', ' ']);
        return t >= 0 && text.AsSpan(t).IndexOfAny('+', '-') >= 0;
    }
}
