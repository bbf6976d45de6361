namespace Analytics.Reports.Quarterly;

/// <summary>A check's outcome at one level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Threshold">The threshold at that level, in the signal's unit.</param>
/// <param name="Status">Pass, fail, or no data.</param>
public sealed record CheckLevelOutcome(MaturityLevel Level, double Threshold, CheckStatus Status);
