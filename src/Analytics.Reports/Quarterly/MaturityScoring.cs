using Analytics.Domain.Common;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// Judges checks and capabilities from values alone (no store), so the level rules are easy to test and to explain:
/// a capability reaches level L when, at L and at every level below, no check fails and at least one check has data. A
/// check without data neither passes nor fails: it is left out, and the score is marked partial.
/// </summary>
public static class MaturityScoring
{
    /// <summary>Judges <paramref name="check"/> on <paramref name="value"/> (null: no data) at every level it constrains.</summary>
    public static CheckResult Judge(MaturityCheck check, double? value)
    {
        ArgumentNullException.ThrowIfNull(check);
        var outcomes = new List<CheckLevelOutcome>();
        foreach (var level in check.Levels)
        {
            var threshold = check.ThresholdFor(level)!.Value;
            var status = value switch
            {
                null => CheckStatus.NoData,
                { } v when check.Dora is { } metric => DoraThresholds.LevelOf(DoraThresholds.Band(metric, v)) >= level ? CheckStatus.Pass : CheckStatus.Fail,
                { } v => Meets(v, check.Comparison, threshold) ? CheckStatus.Pass : CheckStatus.Fail,
            };
            outcomes.Add(new CheckLevelOutcome(level, threshold, status));
        }

        var band = value is { } x && check.Dora is { } m ? DoraThresholds.Band(m, x) : (Signals.Dora.DoraBand?)null;
        return new CheckResult(check, value, ValueList.From(outcomes), band);
    }

    /// <summary>Scores <paramref name="capability"/> from each check's value (missing or null: no data).</summary>
    public static CapabilityScore Score(Capability capability, IReadOnlyDictionary<MaturityCheck, double?> values)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(values);
        var results = capability.Checks.Select(c => Judge(c, values.TryGetValue(c, out var v) ? v : null)).ToList();
        if (results.All(r => r.Value is null))
        {
            return new CapabilityScore(capability, null, false, ValueList.From(results));
        }

        var level = MaturityLevel.Initial;
        foreach (var next in MaturityLevels.Checked)
        {
            var statuses = results.SelectMany(r => r.Outcomes).Where(o => o.Level == next).Select(o => o.Status).ToList();
            // A level needs evidence: no check at it fails, and at least one has data (or it has no checks at all).
            if (statuses.Contains(CheckStatus.Fail) || (statuses.Count > 0 && !statuses.Contains(CheckStatus.Pass)))
            {
                break;
            }

            level = next;
        }

        var partial = results.Any(r => r.Value is null);
        return new CapabilityScore(capability, level, partial, ValueList.From(results));
    }

    /// <summary>Whether <paramref name="value"/> meets <paramref name="threshold"/> under <paramref name="comparison"/>.</summary>
    public static bool Meets(double value, Comparison comparison, double threshold) => comparison switch
    {
        Comparison.AtLeast => value >= threshold,
        Comparison.Above => value > threshold,
        Comparison.AtMost => value <= threshold,
        _ => value < threshold,
    };
}
