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
        var jobs = await CiUsage.JobsAsync(request, cancellationToken);
        var waste = await CiUsage.WasteAsync(request, cancellationToken);
        return CiUsage.SumByKind(this, request, jobs, waste, cost: false);
    }
}
