namespace Analytics.Signals.Series;

/// <summary>A series' value in one window.</summary>
/// <param name="Window">The window.</param>
/// <param name="Value">The value; null when the window had too few observations to say.</param>
/// <param name="Observations">How many observations the value is computed from.</param>
/// <param name="Low">The lower end of the value's 95% confidence interval, when the signal computes one.</param>
/// <param name="High">The upper end of the value's 95% confidence interval, when the signal computes one.</param>
public sealed record SeriesPoint(TimeWindow Window, double? Value, int Observations, double? Low = null, double? High = null)
{
    /// <summary>Whether the point carries a confidence interval.</summary>
    public bool HasInterval => Low is not null && High is not null;
}
