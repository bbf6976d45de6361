using Analytics.Domain.Ci;
using Analytics.Signals.Series;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.failure_rate</c>: failed ÷ completed run attempts that were not cancelled, skipped or superseded, per window,
/// per team, repository, workflow and branch (default branch or <c>other</c>). Definition:
/// <c>docs/signals/ci.failure_rate.md</c>.
/// </summary>
public sealed class CiFailureRate : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.failure_rate";

    /// <inheritdoc />
    public string Description => "Share of completed, non-cancelled CI run attempts that failed, per window, per team, repository, workflow and branch.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = await CiRuns.ReadAsync(request, cancellationToken);
        var groups = new Dictionary<(string Team, string Repository, string Workflow, string Branch), WindowedValues>();
        foreach (var run in set.Runs)
        {
            if (run.Status != RunStatus.Completed
                || run.Conclusion is null or RunConclusion.Cancelled or RunConclusion.Skipped or RunConclusion.Stale)
            {
                continue;
            }

            var key = (run.Team.Id, run.Repository, run.Workflow, run.Branch);
            if (!groups.TryGetValue(key, out var values))
            {
                values = new WindowedValues(CiRuns.Windows(request, run.Team));
                groups[key] = values;
            }

            values.Add(run.QueuedAt, run.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut or RunConclusion.StartupFailure ? 1 : 0);
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
