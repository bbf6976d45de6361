using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly;

/// <summary>
/// The headline measures of the weekly report a team can set a goal on (the keys of <c>goals:</c> in the teams file),
/// with how their values are written. A goal's target is in the measure's unit: a duration for durations, a percentage
/// or fraction for shares, a number for counts.
/// </summary>
public static class GoalMetrics
{
    /// <summary>Every goal key and its value format, in report order.</summary>
    public static IReadOnlyDictionary<string, ValueFormat> Formats { get; } = new Dictionary<string, ValueFormat>(StringComparer.Ordinal)
    {
        ["dora.deployment_frequency"] = ValueFormat.Number,
        ["dora.lead_time"] = ValueFormat.Duration,
        ["dora.change_failure_rate"] = ValueFormat.Percentage,
        ["incidents.count"] = ValueFormat.Number,
        ["pr.merged"] = ValueFormat.Number,
        ["pr.cycle_time"] = ValueFormat.Duration,
        ["review.time_to_first_review"] = ValueFormat.Duration,
        ["review.merged_without_review"] = ValueFormat.Percentage,
        ["review.load_gini"] = ValueFormat.Number,
        ["review.stale_prs"] = ValueFormat.Number,
        ["ci.run_duration.p90"] = ValueFormat.Duration,
        ["ci.runner_minutes"] = ValueFormat.Number,
        ["interruptions.count"] = ValueFormat.Number,
        ["offhours.share"] = ValueFormat.Percentage,
    };
}
