using Analytics.Domain.Common;

namespace Analytics.Reports.Quarterly;

/// <summary>A capability of the scorecard (delivery, testing and CI/CD…) with its checks. Equality is by value.</summary>
/// <param name="Id">A stable key, such as <c>delivery</c>.</param>
/// <param name="Name">The name shown in reports.</param>
/// <param name="Description">What the capability is about, in one or two sentences.</param>
/// <param name="LevelDescriptions">What each level means for this capability, one per level, <see cref="MaturityLevel.Initial"/> first.</param>
/// <param name="Checks">The checks; a level is reached when no check at it or below fails and at least one of its checks has data.</param>
public sealed record Capability(string Id, string Name, string Description, ValueList<string> LevelDescriptions, ValueList<MaturityCheck> Checks)
{
    /// <summary>What <paramref name="level"/> means for this capability; empty when the file says nothing.</summary>
    public string Describe(MaturityLevel level) => (int)level - 1 < LevelDescriptions.Count ? LevelDescriptions[(int)level - 1] : "";
}
