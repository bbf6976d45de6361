namespace Analytics.Signals.Statistics;

/// <summary>How a duration signal summarises a window's observations. The median is the default.</summary>
public enum Aggregator
{
    /// <summary>The median, Hyndman–Fan type 7 (mean of the two middle values for an even count).</summary>
    Median,

    /// <summary>The arithmetic mean (sensitive to the long tail of incident durations).</summary>
    Mean,

    /// <summary>The 75th percentile, type 7.</summary>
    P75,

    /// <summary>The 90th percentile, type 7.</summary>
    P90,
}
