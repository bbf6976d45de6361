using Analytics.Domain.Ci;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.run_duration</c>: the 50th and 90th percentiles of CI run-attempt durations (start to finish) per window, per
/// team, repository and workflow; attempts that were cancelled or skipped are left out. Definition:
/// <c>docs/signals/ci.run_duration.md</c>.
/// </summary>
public sealed class CiRunDuration : ISignal
{
    /// <summary>Fewer runs than this in a window give no value: a 90th percentile of three runs says little.</summary>
    public const int MinimumRuns = 5;

    private static readonly double[] Quantiles = [0.5, 0.9];

    /// <inheritdoc />
    public string Name => "ci.run_duration";

    /// <inheritdoc />
    public string Description => "p50 and p90 of CI run durations per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var groups = new Dictionary<(string Team, string Repository, string Workflow), WindowedValues>();
        var query = StoreQuery.All.Since("queued_at", request.From.AddDays(-7)).Before("queued_at", request.To.AddDays(7));
        await foreach (var run in request.Store.ReadAsync(Entities.WorkflowRuns, query, cancellationToken))
        {
            if (run.Duration is not { } duration
                || run.Conclusion is RunConclusion.Cancelled or RunConclusion.Skipped or null
                || request.OwnerOf(run.Repository) is not { } team)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var values))
            {
                values = WindowedValues.ForTeam(request, team);
                groups[key] = values;
            }

            values.Add(run.QueuedAt, duration.TotalSeconds);
        }

        return groups
            .OrderBy(g => g.Key)
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
