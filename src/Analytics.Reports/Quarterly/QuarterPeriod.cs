using System.Globalization;
using Analytics.Signals.Series;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// A calendar quarter by name (<c>2026-Q3</c>), independent of time zone; <see cref="Window"/> places it in a team's
/// time zone, where it starts at local midnight on the first day. Equality is by value; the default value (year 0,
/// quarter 0) is not a quarter.
/// </summary>
/// <param name="Year">The year, 1 to 9998.</param>
/// <param name="Number">The quarter, 1 to 4.</param>
public readonly record struct QuarterPeriod(int Year, int Number)
{
    /// <summary>The first month of the quarter (1, 4, 7 or 10).</summary>
    public int FirstMonth => ((Number - 1) * 3) + 1;

    /// <summary>The quarter before this one.</summary>
    public QuarterPeriod Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    /// <summary>The quarter as a window in <paramref name="timeZone"/> (an IANA name).</summary>
    public TimeWindow Window(string timeZone) => new(new DateOnly(Year, FirstMonth, 1), Granularity.Quarter, timeZone);

    /// <summary>The quarter of a window's first day.</summary>
    public static QuarterPeriod Of(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new(window.FirstDay.Year, ((window.FirstDay.Month - 1) / 3) + 1);
    }

    /// <summary>
    /// The last quarter that has ended by <paramref name="now"/> in <paramref name="timeZone"/>: on 1 April 00:30 in
    /// Tokyo (31 March 15:30 UTC) Q1 has ended there, while in UTC Q4 of the year before is still the last complete one.
    /// </summary>
    public static QuarterPeriod LastComplete(DateTimeOffset now, string timeZone) =>
        Of(TimeWindow.Containing(now, Granularity.Quarter, timeZone)).Previous;

    /// <summary>Parses <c>2026-Q3</c> (also <c>2026Q3</c>, lower-case q); null when the text is not a quarter.</summary>
    public static QuarterPeriod? TryParse(string? text)
    {
        text = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var at = text.IndexOf('Q', StringComparison.Ordinal);
        if (at < 4)
        {
            return null;
        }

        var yearText = text[..at].TrimEnd('-');
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1 || year > 9998
            || text.Length != at + 2 || text[at + 1] is < '1' or > '4')
        {
            return null;
        }

        return new QuarterPeriod(year, text[at + 1] - '0');
    }

    /// <summary><c>2026-Q3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");
}
