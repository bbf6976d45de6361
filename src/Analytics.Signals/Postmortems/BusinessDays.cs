namespace Analytics.Signals.Postmortems;

/// <summary>
/// Business-day arithmetic in a team's time zone: Monday to Friday are business days; weekends are not. Public holidays
/// are not modelled (the product knows no holiday calendars), so a deadline across a holiday is that much tighter.
/// </summary>
internal static class BusinessDays
{
    /// <summary>
    /// The end of the <paramref name="days"/>-th business day after the local day of <paramref name="from"/> in
    /// <paramref name="timeZone"/>: midnight (local) starting the next day. Resolved Friday 15:00 with 2 days allowed is due
    /// by Wednesday 00:00 (Monday and Tuesday count); with 0 days, by the end of the day itself.
    /// </summary>
    public static DateTimeOffset Deadline(DateTimeOffset from, int days, string timeZone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return new Series.TimeWindow(day.AddDays(1), Series.Granularity.Day, timeZone).Start;
    }
}
