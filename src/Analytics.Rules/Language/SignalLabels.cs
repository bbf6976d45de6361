using Analytics.Signals;

namespace Analytics.Rules.Language;

/// <summary>
/// The signals rules may read and the labels of their series, so unknown signals and labels are errors when rules load.
/// <see cref="ISignal"/> does not declare labels; this registry does, and a test computes every catalogued signal on
/// sample records and checks the registry against the labels the series really carry. A catalogued signal missing here
/// still loads (its labels are not checked, and <c>rules check</c> warns).
/// </summary>
public sealed class SignalLabels
{
    private static readonly Dictionary<string, string[]> Declared = new(StringComparer.Ordinal)
    {
        ["pr.merged"] = ["team"],
        ["pr.cycle_time"] = ["team"],
        ["ci.run_duration"] = ["quantile", "repository", "team", "workflow"],
        ["review.reviews"] = ["person", "team"],
        ["review.load_gini"] = ["team"],
        ["review.top_reviewer_share"] = ["team"],
        ["review.time_to_first_review"] = ["team"],
        ["review.rounds"] = ["team"],
        ["review.merged_without_review"] = ["team"],
        ["review.stale_prs"] = ["team"],
        ["ci.queue_duration"] = ["quantile", "repository", "team", "workflow"],
        ["ci.failure_rate"] = ["branch", "repository", "team", "workflow"],
        ["ci.rerun_rate"] = ["branch", "repository", "team", "workflow"],
        ["ci.duration_change_points"] = ["repository", "team", "workflow"],
        ["dora.deployment_frequency"] = ["team"],
        ["dora.lead_time"] = ["stage", "team"],
        ["dora.change_failure_rate"] = ["team"],
        ["dora.recovery_time"] = ["team"],
        ["incidents.count"] = ["service", "severity", "team"],
        ["incidents.time_to_acknowledge"] = ["service", "severity", "team"],
        ["incidents.time_to_resolve"] = ["service", "severity", "team"],
        ["ownership.truck_factor"] = ["folder", "repository", "team"],
        ["tests.flaky"] = ["repository", "team"],
        ["tests.flaky_score"] = ["repository", "team", "test"],
        ["tests.flaky_ci_time"] = ["repository", "team"],
        ["tests.flaky_disrupted_runs"] = ["repository", "team"],
        ["pr.size"] = ["team"],
        ["pr.wip"] = ["team"],
        ["pr.wip_per_person"] = ["person", "team"],
        ["tickets.throughput"] = ["team", "type"],
        ["tickets.cycle_time"] = ["team"],
        ["tickets.blocked_time"] = ["team"],
        ["tickets.blocked_share"] = ["team"],
        ["oncall.pages"] = ["person", "team"],
        ["oncall.pages_out_of_hours"] = ["person", "team"],
        ["oncall.load_gini"] = ["team"],
        ["work.items"] = ["measure", "team", "type"],
        ["work.mix"] = ["measure", "team", "type"],
        ["work.mix_trailing_quarter"] = ["measure", "team", "type"],
        ["commitment.sprint_completion"] = ["measure", "team"],
        ["commitment.scope_added"] = ["measure", "team"],
        ["commitment.carry_over"] = ["measure", "team"],
        ["commitment.forecast_ratio"] = ["team"],
        ["postmortems.on_time_share"] = ["team"],
        ["postmortems.overdue"] = ["team"],
        ["postmortems.open_actions"] = ["team"],
        ["postmortems.action_age"] = ["team"],
        ["ci.runner_minutes"] = ["repository", "team", "workflow"],
        ["ci.cost"] = ["repository", "team", "workflow"],
        ["ci.wasted_minutes"] = ["reason", "repository", "team", "workflow"],
        ["ci.wasted_cost"] = ["reason", "repository", "team", "workflow"],
        ["interruptions.count"] = ["kind", "team"],
        ["interruptions.load"] = ["person", "team"],
        ["offhours.share"] = ["kind", "team"],
        ["offhours.weekend_share"] = ["kind", "team"],
        ["onboarding.time_to_first_merged_pr"] = ["team"],
        ["onboarding.time_to_first_review"] = ["team"],
    };

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>?> _signals;

    /// <summary>Creates a registry of <paramref name="signals"/>: name → label names, or null when not declared.</summary>
    public SignalLabels(IReadOnlyDictionary<string, IReadOnlySet<string>?> signals) => _signals = signals;

    /// <summary>The signals of <see cref="SignalCatalog.All"/> with the labels declared here.</summary>
    public static SignalLabels Catalog { get; } = new(SignalCatalog.All.ToDictionary(
        s => s.Name,
        s => Declared.TryGetValue(s.Name, out var labels) ? (IReadOnlySet<string>?)labels.ToHashSet(StringComparer.Ordinal) : null,
        StringComparer.Ordinal));

    /// <summary>The known signal names.</summary>
    public IEnumerable<string> Names => _signals.Keys;

    /// <summary>The declared labels of every signal in this source (used by the registry's own test).</summary>
    internal static IReadOnlyDictionary<string, string[]> DeclaredLabels => Declared;

    /// <summary>Whether <paramref name="signal"/> is known; <paramref name="labels"/> is null when its labels are not declared.</summary>
    public bool TryGet(string signal, out IReadOnlySet<string>? labels) => _signals.TryGetValue(signal, out labels);
}
