namespace Analytics.Signals.Series;

/// <summary>What a series' values measure.</summary>
public enum SignalUnit
{
    /// <summary>A number of things.</summary>
    Count,

    /// <summary>A duration in seconds.</summary>
    Seconds,

    /// <summary>A fraction between 0 and 1.</summary>
    Ratio,
}
