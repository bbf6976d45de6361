using Analytics.Domain.Common;

namespace Analytics.Reports.Quarterly;

/// <summary>A capability's level for one quarter, with the checks behind it.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Level">The level reached; null when none of its checks had data ("no data").</param>
/// <param name="Partial">Whether some check had no data and was left out of the judgement (shown as "*").</param>
/// <param name="Checks">Each check's result, in the capability's order.</param>
public sealed record CapabilityScore(Capability Capability, MaturityLevel? Level, bool Partial, ValueList<CheckResult> Checks);
