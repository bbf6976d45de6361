using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// <c>ci.wasted_minutes</c>: the runner minutes of jobs that failed, or ran again in a later attempt, per window, team, repository, workflow and reason (<c>flaky</c>, <c>failed</c>, <c>rerun</c>). Definition: <c>docs/signals/ci.cost.md</c>.
/// </summary>
public sealed class WastedMinutes : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.wasted_minutes";

    /// <inheritdoc />
    public string Description => "Runner minutes of failed and re-run jobs per window, per team, repository, workflow and reason (flaky, failed, rerun).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Minutes;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobs = await CiUsage.ReadAsync(request, priced: false, classifyWaste: true, cancellationToken);
        return CiUsage.Sum(
            this,
            request,
            jobs.Where(j => j.Waste is not null),
            job => Labels.Of(new Label("team", job.Team), new Label("repository", job.Repository), new Label("workflow", job.Workflow), new Label("reason", job.Waste!)),
            job => job.Minutes);
    }
}
