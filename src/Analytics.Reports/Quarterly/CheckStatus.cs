namespace Analytics.Reports.Quarterly;

/// <summary>The outcome of one check at one level.</summary>
public enum CheckStatus
{
    /// <summary>The signal had no value for the quarter: neither a pass nor a fail.</summary>
    NoData,

    /// <summary>The value meets the level's threshold.</summary>
    Pass,

    /// <summary>The value misses the level's threshold.</summary>
    Fail,
}
