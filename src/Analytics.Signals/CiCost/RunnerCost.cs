using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// <c>ci.cost</c>: what the runner minutes of <c>ci.runner_minutes</c> cost at the configured per-minute prices (<see cref="RunnerPrices"/>), per window, team, repository and workflow. Definition: <c>docs/signals/ci.cost.md</c>.
/// </summary>
public sealed class RunnerCost : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.cost";

    /// <inheritdoc />
    public string Description => "Cost of CI runner minutes at the configured prices per runner label, per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Currency;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobs = await CiUsage.JobsAsync(request, cancellationToken);
        return CiUsage.SumByKind(this, request, jobs, waste: null, cost: true);
    }
}
