namespace Analytics.Signals.OnCall;

/// <summary>
/// A team's working hours, in its time zone: from <see cref="Start"/> (in) to <see cref="End"/> (out) on
/// <see cref="Days"/>. The default is 09:00–18:00, Monday to Friday. Public holidays are not known, and neither are people's
/// own time zones: a page at 10:00 in the team's zone is in hours even for a member living elsewhere.
/// </summary>
/// <param name="Start">When the working day starts (included).</param>
/// <param name="End">When it ends (excluded); after <paramref name="Start"/>.</param>
/// <param name="Days">The working days of the week.</param>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
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
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }
}
