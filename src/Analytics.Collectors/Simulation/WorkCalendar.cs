namespace Analytics.Collectors.Simulation;

/// <summary>
/// Working days and hours (09:00–18:00, Monday to Friday, quiet from 22 December to 2 January) at a fixed UTC offset.
/// The simulation uses a zone's standard offset and ignores daylight saving so its output does not depend on the
/// machine's time-zone database; an hour's shift in summer still lands inside working hours.
/// </summary>
internal sealed class WorkCalendar
{
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(9);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(18);

    // Relative likelihood of starting something in each local hour from 09:00 to 18:59: a morning peak, a lunch dip.
    private static readonly double[] HourWeights = [0.6, 1.0, 1.0, 0.5, 0.7, 1.0, 1.0, 0.9, 0.5, 0.15];

    /// <summary>Creates a calendar at <paramref name="offset"/> from UTC.</summary>
    public WorkCalendar(TimeSpan offset) => Offset = offset;

    /// <summary>The UTC offset of local time.</summary>
    public TimeSpan Offset { get; }

    /// <summary>Whether the date falls in the quiet end-of-year weeks.</summary>
    public static bool IsHoliday(DateOnly date) =>
        (date.Month == 12 && date.Day >= 22) || (date.Month == 1 && date.Day <= 2);

    /// <summary>Whether the date is a working day.</summary>
    public static bool IsWorkday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime + Offset);

    /// <summary>The UTC instant of a local date and time of day.</summary>
    public DateTimeOffset At(DateOnly date, TimeSpan timeOfDay) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay - Offset;

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
            var local = instant.UtcDateTime + Offset;
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
