using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// <c>ci.wasted_cost</c>: what the minutes of <c>ci.wasted_minutes</c> cost at the configured prices, per window, team, repository, workflow and reason. Definition: <c>docs/signals/ci.cost.md</c>.
/// </summary>
public sealed class WastedCost : ISignal
{
    /// <inheritdoc />
    public string Name => "ci.wasted_cost";

    /// <inheritdoc />
    public string Description => "Cost of the runner minutes of failed and re-run jobs per window, per team, repository, workflow and reason.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Currency;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobs = await CiUsage.JobsAsync(request, cancellationToken);
        var waste = await CiUsage.WasteAsync(request, cancellationToken);
        return CiUsage.SumByKind(this, request, jobs, waste, cost: true);
    }
}
