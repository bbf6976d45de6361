namespace Analytics.Reports.Charts;

/// <summary>One step of a confidence band: the low and high bound at one instant. Equality is by value.</summary>
public readonly record struct BandPoint
{
    /// <summary>Creates a band step.</summary>
    /// <param name="at">When.</param>
    /// <param name="low">The lower bound; finite.</param>
    /// <param name="high">The upper bound; finite and not below <paramref name="low"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or high is below low.</exception>
    public BandPoint(DateTimeOffset at, double low, double high)
    {
        if (!double.IsFinite(low))
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "must be a finite number");
        }

        if (!double.IsFinite(high) || high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"must be a finite number not below low ({low})");
        }

        At = at;
        Low = low;
        High = high;
    }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The lower bound.</summary>
    public double Low { get; }

    /// <summary>The upper bound.</summary>
    public double High { get; }

    /// <summary>A band step on a calendar date, placed at the start of that day in UTC.</summary>
    /// <param name="date">The calendar date.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <returns>The band step.</returns>
    public static BandPoint OnDate(DateOnly date, double low, double high) =>
        new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), low, high);
}
