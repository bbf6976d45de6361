using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// One documented check of a capability: a signal, how it is reduced to one value per quarter, and a threshold per
/// level (or the DORA bands). Defined in the maturity file (<c>config/maturity.yaml</c>, see <c>docs/maturity.md</c>).
/// Equality is by value.
/// </summary>
/// <param name="Name">What is checked, as shown in reports ("Deployment frequency").</param>
/// <param name="Signal">The signal's name in <see cref="Signals.SignalCatalog"/>.</param>
/// <param name="Unit">The signal's unit (seconds, ratio or count), which decides how values and thresholds are written.</param>
/// <param name="Labels">Which of the signal's series count; empty for all of the team's series.</param>
/// <param name="Aggregation">How a series is reduced to one value for the quarter.</param>
/// <param name="Across">How several series are combined into one value.</param>
/// <param name="Comparison">How the value is compared with each threshold.</param>
/// <param name="Thresholds">One threshold per level that has one, lowest level first; empty when <paramref name="Dora"/> is set.</param>
/// <param name="Dora">When set, the thresholds are the DORA bands of this metric (medium → managed, high → defined, elite → optimising).</param>
/// <param name="Rationale">Why the thresholds are where they are.</param>
/// <param name="Source">Where the thresholds come from (a study, a report, a practitioner convention).</param>
public sealed record MaturityCheck(
    string Name,
    string Signal,
    SignalUnit Unit,
    ValueList<LabelMatcher> Labels,
    CheckAggregation Aggregation,
    SeriesCombination Across,
    Comparison Comparison,
    ValueList<LevelThreshold> Thresholds,
    DoraMetric? Dora,
    string Rationale,
    string Source)
{
    /// <summary>The threshold for <paramref name="level"/>; null when this check does not constrain that level.</summary>
    public double? ThresholdFor(MaturityLevel level) =>
        Dora is { } metric ? DoraThresholds.For(metric, level) : Thresholds.FirstOrDefault(t => t.Level == level)?.Value;

    /// <summary>The levels this check constrains, lowest first.</summary>
    public IEnumerable<MaturityLevel> Levels => MaturityLevels.Checked.Where(l => ThresholdFor(l) is not null);

    /// <summary>The signal selector as in rule files: <c>ci.failure_rate{branch!="other"}</c>.</summary>
    public string Selector => Labels.Count == 0 ? Signal : $"{Signal}{{{string.Join(", ", Labels)}}}";
}
