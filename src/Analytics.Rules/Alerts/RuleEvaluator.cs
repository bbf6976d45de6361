using Analytics.Domain.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Rules.Alerts;

/// <summary>
/// Evaluates rules at one instant: reads each signal once per granularity (all of them told to the source first, so it
/// can compute them together), evaluates every rule, and renders the
/// annotations of each label set whose condition holds. A rule that fails (its signal cannot be computed, an ambiguous
/// match) is reported in its outcome and the others go on.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>Evaluates the rules of <paramref name="groups"/> at <paramref name="at"/>.</summary>
    public static async Task<IReadOnlyList<RuleOutcome>> EvaluateAsync(
        IEnumerable<RuleGroup> groups,
        ISeriesSource source,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(source);
        var all = groups.ToList();
        await source.PrepareAsync(all.SelectMany(g => g.Rules.SelectMany(r => r.Check.Signals.Select(s => (s, g.Granularity)))), cancellationToken);
        var outcomes = new List<RuleOutcome>();
        var loaded = new Dictionary<(string, Granularity), IReadOnlyList<Series>>();
        var failed = new Dictionary<(string, Granularity), string>();
        foreach (var group in all)
        {
            foreach (var rule in group.Rules)
            {
                var series = new Dictionary<string, IReadOnlyList<Series>>(StringComparer.Ordinal);
                string? error = null;
                foreach (var signal in rule.Check.Signals)
                {
                    var key = (signal, group.Granularity);
                    if (!loaded.ContainsKey(key) && !failed.ContainsKey(key))
                    {
                        try
                        {
                            loaded[key] = await source.ReadAsync(signal, group.Granularity, cancellationToken);
                        }
                        catch (StoreException e)
                        {
                            failed[key] = $"signal '{signal}' could not be computed: {e.Message}";
                        }
                    }

                    if (failed.TryGetValue(key, out var why))
                    {
                        error = why;
                    }
                    else
                    {
                        series[signal] = loaded[key];
                    }
                }

                outcomes.Add(error is not null
                    ? new RuleOutcome(rule, [], error)
                    : Evaluate(rule, new EvaluationContext(series, at, group.Window)));
            }
        }

        return outcomes;
    }

    /// <summary>Evaluates one rule against series already read.</summary>
    public static RuleOutcome Evaluate(AlertRule rule, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Value value;
        try
        {
            value = Evaluator.Evaluate(rule.Expression, context);
        }
        catch (EvaluationException e)
        {
            return new RuleOutcome(rule, [], $"{rule.File}:{rule.Line}: alert '{rule.Name}': {e.Message}");
        }

        var samples = value switch
        {
            VectorValue vector => vector.Samples.Where(s => s.Holds).ToList(),
            BoolValue { Truth: true } => [new Sample(Labels.Of(), 1, true)],
            _ => [],
        };
        var active = new List<ActiveAlert>();
        foreach (var sample in samples)
        {
            var labels = AlertLabels(rule, sample.Labels);
            var annotations = rule.Annotations.ToDictionary(a => a.Key, a => a.Value.Render(labels, sample.Value), StringComparer.Ordinal);
            active.Add(new ActiveAlert(rule, Fingerprint.Of(rule.Name, labels), labels, sample.Value, annotations));
        }

        return new RuleOutcome(rule, active, null);
    }

    /// <summary>The series labels, overridden by the rule's labels, plus <c>alertname</c> and <c>severity</c>.</summary>
    public static Labels AlertLabels(AlertRule rule, Labels series)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var labels = series.Items.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
        foreach (var (name, text) in rule.Labels)
        {
            labels[name] = text;
        }

        labels["alertname"] = rule.Name;
        labels["severity"] = SeverityName(rule.Severity);
        return Labels.Of(labels.Select(l => new Label(l.Key, l.Value)).ToArray());
    }

    /// <summary>The severity as rule files write it.</summary>
    public static string SeverityName(AlertSeverity severity) => severity.ToString().ToLowerInvariant();
}
