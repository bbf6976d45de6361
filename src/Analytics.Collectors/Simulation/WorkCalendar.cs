namespace Analytics.Collectors.Simulation;

/// <summary>
/// Working days and hours (09:00–18:00, Monday to Friday, quiet from 22 December to 2 January) in an IANA time zone,
/// daylight saving included, so summer work is inside working hours as the off-hours signals read them (they follow the
/// same zone rules). The simulation stays deterministic: the zones it uses have had the same rules since 2007.
/// </summary>
internal sealed class WorkCalendar
{
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(9);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(18);

    // Relative likelihood of starting something in each local hour from 09:00 to 18:59: a morning peak, a lunch dip.
    private static readonly double[] HourWeights = [0.6, 1.0, 1.0, 0.5, 0.7, 1.0, 1.0, 0.9, 0.5, 0.15];

    private readonly TimeZoneInfo _zone;

    /// <summary>Creates a calendar in the IANA zone <paramref name="timeZoneId"/> (<c>UTC</c> for bots).</summary>
    /// <exception cref="TimeZoneNotFoundException">The machine does not know the zone.</exception>
    public WorkCalendar(string timeZoneId) => _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    /// <summary>The local date and time of an instant.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    /// <summary>Whether the date falls in the quiet end-of-year weeks.</summary>
    public static bool IsHoliday(DateOnly date) =>
        (date.Month == 12 && date.Day >= 22) || (date.Month == 1 && date.Day <= 2);

    /// <summary>Whether the date is a working day.</summary>
    public static bool IsWorkday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant));

    /// <summary>
    /// The UTC instant of a local date and time of day. A time the clocks skip in spring is read at the standard offset
    /// (01:30 in London on that Sunday is 02:30 summer time); a time they repeat in autumn is the later, standard one.
    /// </summary>
    public DateTimeOffset At(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, TimeSpan.Zero) - _zone.GetUtcOffset(local);
    }

    /// <summary>A random instant inside working hours of the given local date.</summary>
    public DateTimeOffset RandomWorkingInstant(DateOnly date, SimRandom random)
    {
        var hour = 9 + random.PickWeighted(HourWeights);
        var time = TimeSpan.FromHours(hour) + TimeSpan.FromSeconds(random.Next(3600));
        return At(date, time);
    }

    /// <summary>
    /// The instant reached after <paramref name="work"/> of working time from <paramref name="start"/>: nights, weekends and
    /// holidays do not count, so a review asked for at 17:30 with two hours of latency lands the next morning.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan work)
    {
        var instant = start;
        var remaining = work;
        while (remaining > TimeSpan.Zero)
        {
            var local = LocalTime(instant);
            var date = DateOnly.FromDateTime(local);
            var time = local.TimeOfDay;
            if (!IsWorkday(date) || time >= DayEnd)
            {
                instant = At(NextWorkday(date), DayStart);
                continue;
            }

            if (time < DayStart)
            {
                instant = At(date, DayStart);
                continue;
            }

            var step = DayEnd - time < remaining ? DayEnd - time : remaining;
            instant += step;
            remaining -= step;
        }

        return instant;
    }

    private static DateOnly NextWorkday(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkday(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
