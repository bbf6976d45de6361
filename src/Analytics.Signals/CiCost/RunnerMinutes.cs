using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// <c>ci.runner_minutes</c>: billable runner minutes per window (each job's run time rounded up to the whole minute), per team, repository and workflow. Definition: <c>docs/signals/ci.cost.md</c>.
/// </summary>
public sealed class RunnerMinutes : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.runner_minutes";

    /// <inheritdoc />
    public string Description => "Billable CI runner minutes (per job, rounded up) per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Minutes;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobs = await CiUsage.JobsAsync(request, cancellationToken);
        return CiUsage.SumByKind(this, request, jobs, waste: null, cost: false);
    }
}
