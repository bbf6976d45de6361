using System.Globalization;

namespace Analytics.Domain.People;

/// <summary>
/// Someone's working hours in their local time: from <see cref="Start"/> (in) to <see cref="End"/> (out) on
/// <see cref="Days"/>. The default is 09:00–18:00, Monday to Friday. Public holidays are not known. Two values are equal
/// when their start, end and set of days are.
/// </summary>
/// <param name="Start">When the working day starts (included).</param>
/// <param name="End">When it ends (excluded); after <paramref name="Start"/>.</param>
/// <param name="Days">The working days of the week.</param>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>When the working day starts; validated against <see cref="End"/>.</summary>
    public TimeOnly Start { get; init; } = Start < End ? Start : throw new ArgumentException("working hours must start before they end", nameof(Start));

    /// <summary>09:00–18:00, Monday to Friday: the usual office day, and the hours the demo organisation works.</summary>
    public static WorkingHours Default { get; } = new(
        new TimeOnly(9, 0),
        new TimeOnly(18, 0),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });

    /// <summary>Whether <paramref name="instant"/> falls inside working hours in the IANA zone <paramref name="timeZone"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown.</exception>
    public bool Contains(DateTimeOffset instant, string timeZone)
    {
        var local = Local(instant, timeZone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }

    /// <summary>Whether <paramref name="instant"/> falls on a day that is not a working day, in the IANA zone <paramref name="timeZone"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown.</exception>
    public bool IsDayOff(DateTimeOffset instant, string timeZone) => !Days.Contains(Local(instant, timeZone).DayOfWeek);

    /// <summary>
    /// Parses <c>HH:mm-HH:mm Day-Day</c> or <c>HH:mm-HH:mm Day,Day,…</c> with English three-letter day names, such as
    /// <c>09:00-17:30 Mon-Fri</c> or <c>08:00-16:00 Sun-Thu</c>; the days may be left out for Monday to Friday. A range of
    /// days wraps past Saturday (<c>Sat-Mon</c>).
    /// </summary>
    /// <returns>The hours, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static WorkingHours? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var times = parts.Length is 1 or 2 ? parts[0].Split('-') : [];
        if (times.Length != 2
            || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            error = $"'{text}' is not working hours; write them as HH:mm-HH:mm followed by days, such as '09:00-17:30 Mon-Fri'";
            return null;
        }

        if (start >= end)
        {
            error = $"working hours '{text}' must start before they end (hours across midnight are not supported)";
            return null;
        }

        var days = parts.Length == 1 ? Default.Days.ToHashSet() : ParseDays(parts[1]);
        if (days is null)
        {
            error = $"'{parts[1]}' is not a list of days; use Mon-Fri, or days separated by commas such as Mon,Wed,Fri";
            return null;
        }

        return new WorkingHours(start, end, days);
    }

    /// <inheritdoc />
    public bool Equals(WorkingHours? other) =>
        other is not null && Start == other.Start && End == other.End && Days.SetEquals(other.Days);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, Days.Aggregate(0, (h, d) => h | (1 << (int)d)));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)} "
        + string.Join(",", Enum.GetValues<DayOfWeek>().Where(Days.Contains).Select(d => DayNames[(int)d]));

    private static HashSet<DayOfWeek>? ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = item.Split('-');
            var first = Day(range[0]);
            var last = range.Length == 2 ? Day(range[1]) : first;
            if (range.Length > 2 || first is null || last is null)
            {
                return null;
            }

            for (var d = (int)first.Value; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == (int)last.Value)
                {
                    break;
                }
            }
        }

        return days;
    }

    private static DayOfWeek? Day(string name)
    {
        var index = Array.FindIndex(DayNames, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (DayOfWeek)index;
    }

    private static DateTimeOffset Local(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
