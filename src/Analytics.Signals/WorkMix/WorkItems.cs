using Analytics.Signals.Series;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// <c>work.items</c>: finished work per window, per team, work type and measure (tickets resolved, their story points,
/// pull requests merged). Definition: <c>docs/signals/work.md</c>.
/// </summary>
public sealed class WorkItems : ISignal
{
    /// <inheritdoc />
    public string Name => "work.items";

    /// <inheritdoc />
    public string Description => "Finished work per window by work type (feature, bug, tech-debt, unplanned, chore, unclassified): tickets, story points, pull requests.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = await WorkMixData.LoadAsync(request, cancellationToken);
        return WorkMixSeries.Compute(this, request, items, w => (w.Start, w.End), (amount, _) => amount);
    }
}
