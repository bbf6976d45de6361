using Analytics.Signals.Series;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.rerun_rate</c>: runs that were re-run (have an attempt after the first) ÷ runs, per window of the run's first
/// attempt, per team, repository, workflow and branch (default branch or <c>other</c>). Definition:
/// <c>docs/signals/ci.rerun_rate.md</c>.
/// </summary>
public sealed class CiRerunRate : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.rerun_rate";

    /// <inheritdoc />
    public string Description => "Share of CI runs that were re-run at least once, per window, per team, repository, workflow and branch.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = await CiRuns.ReadAsync(request, cancellationToken);
        var groups = new Dictionary<(string Team, string Repository, string Workflow, string Branch), WindowedValues>();
        var runs = set.Runs.GroupBy(r => r.RunCode);
        foreach (var attempts in runs)
        {
            // The run is where and when its earliest stored attempt was; re-run attempts keep the run's branch.
            var first = attempts.MinBy(a => a.Attempt);
            var key = (first.Team.Id, first.Repository, first.Workflow, first.Branch);
            if (!groups.TryGetValue(key, out var values))
            {
                values = new WindowedValues(CiRuns.Windows(request, first.Team));
                groups[key] = values;
            }

            values.Add(first.QueuedAt, attempts.Any(a => a.Attempt > 1) ? 1 : 0);
        }

        return CiRuns.InKeyOrder(groups)
            .Select(g => g.Value.ToSeries(
                Name,
                Labels.Of(
                    new Label("team", g.Key.Team),
                    new Label("repository", g.Key.Repository),
                    new Label("workflow", g.Key.Workflow),
                    new Label("branch", g.Key.Branch)),
                Unit,
                values => values.Count > 0 ? values.Average() : null))
            .ToList();
    }
}
