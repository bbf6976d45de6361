using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Signals.Series;

namespace Analytics.Reports.Weekly;

/// <summary>
/// An ISO 8601 week such as <c>2026-W46</c> (Monday to Sunday; week 1 holds the year's first Thursday, so some years
/// have a week 53 and 29 December can be in week 1 of the next year). Equality is by value; the default value is not a
/// valid week.
/// </summary>
/// <param name="Year">The ISO week-numbering year (not always the calendar year of every day in it).</param>
/// <param name="Week">The week number, 1 to 52 or 53.</param>
public readonly partial record struct ReportWeek(int Year, int Week)
{
    /// <summary>Parses <c>2026-W46</c> (also <c>2026W46</c> and lower-case <c>w</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="week">The week, when it parses.</param>
    /// <param name="error">Why it does not parse, naming the text and the expected form; null when it does.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string? text, out ReportWeek week, out string? error)
    {
        week = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            error = $"'{text}' is not an ISO week; write it as YYYY-Www, such as 2026-W46";
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        var weeks = ISOWeek.GetWeeksInYear(year);
        if (number < 1 || number > weeks)
        {
            error = $"'{text}': {year} has weeks 1 to {weeks}";
            return false;
        }

        week = new ReportWeek(year, number);
        error = null;
        return true;
    }

    /// <summary>The last week that ended before <paramref name="now"/> in <paramref name="timeZone"/>: on a Monday morning in Berlin, the week that ended at midnight there.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="timeZone">The team's IANA time zone.</param>
    public static ReportWeek LastComplete(DateTimeOffset now, string timeZone)
    {
        var current = TimeWindow.Containing(now, Granularity.Week, timeZone);
        return Of(current.FirstDay.AddDays(-7));
    }

    /// <summary>The week that holds <paramref name="day"/>.</summary>
    public static ReportWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new ReportWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>Its Monday.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The week as a calendar window in <paramref name="timeZone"/> (Monday 00:00 to the next Monday 00:00 there).</summary>
    public TimeWindow In(string timeZone) => new(Monday, Granularity.Week, timeZone);

    /// <summary><c>2026-W46</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Week:00}");

    [GeneratedRegex(@"^(?<year>\d{4})-?[Ww](?<week>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
