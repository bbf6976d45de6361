namespace Analytics.Reports.Charts;

/// <summary>
/// One point of a time series. A null (or non-finite) <see cref="Value"/> is a missing point: the line breaks there
/// instead of dropping to zero. Equality is by value.
/// </summary>
/// <param name="At">When; stored and compared as given, drawn in UTC.</param>
/// <param name="Value">The value, or null when missing.</param>
public readonly record struct TimePoint(DateTimeOffset At, double? Value)
{
    /// <summary>A point on a calendar date, placed at the start of that day in UTC.</summary>
    /// <param name="date">The calendar date.</param>
    /// <param name="value">The value, or null when missing.</param>
    /// <returns>The point.</returns>
    public static TimePoint OnDate(DateOnly date, double? value) =>
        new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), value);
}
