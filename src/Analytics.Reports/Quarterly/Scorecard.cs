using Analytics.Domain.Common;

namespace Analytics.Reports.Quarterly;

/// <summary>Every capability's score for one quarter.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Capabilities">The scores, in the model's order.</param>
/// <param name="Dora">The four DORA metrics' results (for their bands), whether or not the model's capabilities use them.</param>
public sealed record Scorecard(QuarterPeriod Quarter, ValueList<CapabilityScore> Capabilities, ValueList<CheckResult> Dora)
{
    /// <summary>The score of the capability <paramref name="id"/>; null when the model has none.</summary>
    public CapabilityScore? Find(string id) => Capabilities.FirstOrDefault(c => c.Capability.Id == id);
}
