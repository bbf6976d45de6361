using Analytics.Domain.Alerts;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Rules.Tests.Language;
using Analytics.Signals.Series;

namespace Analytics.Rules.Tests.Alerts;

/// <summary>Runs the lifecycle in memory: evaluates a group at given times and keeps the states between evaluations.</summary>
internal sealed class LifecycleHarness(RuleGroup group, params Series[] series)
{
    public Dictionary<string, AlertState> States { get; } = [];

    public List<AlertNotification> Notifications { get; } = [];

    public List<Silence> Silences { get; } = [];

    public Series[] Series { get; set; } = series;

    public LifecycleResult At(DateTimeOffset at)
    {
        var source = Series.GroupBy(s => s.Signal).ToDictionary(g => g.Key, g => (IReadOnlyList<Series>)g.ToList());
        var outcomes = group.Rules.Select(r => RuleEvaluator.Evaluate(r, new EvaluationContext(source, at, group.Window))).ToList();
        var result = AlertLifecycle.Advance(States, outcomes, Silences, at);
        foreach (var state in result.States)
        {
            States[state.Fingerprint] = state;
        }

        Notifications.AddRange(result.Notifications);
        return result;
    }

    public AlertState Only(string team) => States.Values.Single(s => AlertLifecycle.LabelsOf(s)["team"] == team);

    public static DateTimeOffset Week(int weeks, double plusDays = 0) => SeriesBuilder.After(weeks).AddDays(plusDays);
}
