namespace Analytics.Signals.Series;

/// <summary>
/// A calendar window (a day, an ISO week, a month or a quarter) in a time zone: a week in Berlin starts at Monday
/// 00:00 Berlin time. Windows are half-open: <see cref="Start"/> is in, <see cref="End"/> is not.
/// </summary>
/// <param name="FirstDay">The window's first calendar day.</param>
/// <param name="Granularity">Its length.</param>
/// <param name="TimeZone">The IANA time zone its days are counted in.</param>
public sealed record TimeWindow(DateOnly FirstDay, Granularity Granularity, string TimeZone)
{
    /// <summary>The day after the window's last day.</summary>
    public DateOnly EndDay => Granularity switch
    {
        Granularity.Day => FirstDay.AddDays(1),
        Granularity.Week => FirstDay.AddDays(7),
        Granularity.Month => FirstDay.AddMonths(1),
        _ => FirstDay.AddMonths(3),
    };

    /// <summary>The instant the window starts.</summary>
    public DateTimeOffset Start => StartOfDay(FirstDay, TimeZone);

    /// <summary>The instant the window ends (excluded).</summary>
    public DateTimeOffset End => StartOfDay(EndDay, TimeZone);

    /// <summary>Whether <paramref name="instant"/> falls inside the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The window of the given granularity that contains <paramref name="instant"/> in <paramref name="timeZone"/>.</summary>
    public static TimeWindow Containing(DateTimeOffset instant, Granularity granularity, string timeZone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).DateTime);
        var first = granularity switch
        {
            Granularity.Day => local,
            Granularity.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            Granularity.Month => new DateOnly(local.Year, local.Month, 1),
            _ => new DateOnly(local.Year, ((local.Month - 1) / 3 * 3) + 1, 1),
        };
        return new TimeWindow(first, granularity, timeZone);
    }

    /// <summary>The windows that overlap [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static IEnumerable<TimeWindow> Covering(DateTimeOffset from, DateTimeOffset to, Granularity granularity, string timeZone)
    {
        for (var window = Containing(from, granularity, timeZone); window.Start < to; window = window with { FirstDay = window.EndDay })
        {
            yield return window;
        }
    }

    /// <summary>A short label: <c>2026-W12</c>, <c>2026-03-16</c>, <c>2026-03</c> or <c>2026-Q1</c>.</summary>
    public override string ToString() => Granularity switch
    {
        Granularity.Day => FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Granularity.Week => $"{System.Globalization.ISOWeek.GetYear(FirstDay.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(FirstDay.ToDateTime(TimeOnly.MinValue)):00}",
        Granularity.Month => FirstDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{FirstDay.Year}-Q{((FirstDay.Month - 1) / 3) + 1}",
    };

    // Windows' starts and ends are asked for in every loop over windows and entities: each day's start is computed once
    // per zone. The days asked for are those of the periods computed, a few thousand per zone.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly Day, string TimeZone), DateTimeOffset> DayStarts = new();

    // TimeZoneInfo.FindSystemTimeZoneById takes a process-wide lock on every call, which parallel signals contend for.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    private static DateTimeOffset StartOfDay(DateOnly day, string timeZone) =>
        DayStarts.GetOrAdd((day, timeZone), static key => ComputeStartOfDay(key.Day, key.TimeZone));

    private static DateTimeOffset ComputeStartOfDay(DateOnly day, string timeZone)
    {
        var zone = Zone(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A day that starts inside a daylight-saving gap starts at the first valid local time.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Zone(string id) => Zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);
}
