namespace Analytics.Reports.Quarterly;

/// <summary>A check's threshold for one level.</summary>
/// <param name="Level">The level (managed, defined or optimising).</param>
/// <param name="Value">The threshold in the signal's unit (seconds, a share between 0 and 1, a count).</param>
public sealed record LevelThreshold(MaturityLevel Level, double Value);
