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

    /// <summary>A number of runner minutes (each job's time rounded up to the whole minute, as GitHub bills it).</summary>
    Minutes,

    /// <summary>An amount of money in the currency of the configured prices (default US dollars).</summary>
    Currency,
}
