using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.queue_duration</c>: the 50th and 90th percentiles of the time CI run attempts wait between being queued and
/// starting, per window, per team, repository and workflow. Definition: <c>docs/signals/ci.queue_duration.md</c>.
/// </summary>
public sealed class CiQueueDuration : ISignal
{
    /// <summary>Fewer attempts than this in a window give no value, as for <c>ci.run_duration</c>.</summary>
    public const int MinimumRuns = 5;

    private static readonly double[] Quantiles = [0.5, 0.9];

    /// <inheritdoc />
    public string Name => "ci.queue_duration";

    /// <inheritdoc />
    public string Description => "p50 and p90 of the time CI runs wait from queued to started, per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var groups = new SortedDictionary<(string Team, string Repository, string Workflow), WindowedValues>();
        foreach (var (team, run) in await CiRuns.ReadAsync(request, cancellationToken))
        {
            if (run.StartedAt is not { } started)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var values))
            {
                values = new WindowedValues(CiRuns.Windows(request, team));
                groups[key] = values;
            }

            values.Add(run.QueuedAt, (started - run.QueuedAt).TotalSeconds);
        }

        return groups
            .SelectMany(g => Quantiles.Select(q => g.Value.ToSeries(
                Name,
                Labels.Of(
                    new Label("team", g.Key.Team),
                    new Label("repository", g.Key.Repository),
                    new Label("workflow", g.Key.Workflow),
                    new Label("quantile", q.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Unit,
                values => values.Count >= MinimumRuns ? Quantile.Of(values, q) : null)))
            .ToList();
    }
}
