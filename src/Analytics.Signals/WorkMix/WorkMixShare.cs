using Analytics.Signals.Series;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// <c>work.mix</c>: each work type's share of the finished work in each window, per team and measure; no value in a
/// window with no finished work. Definition: <c>docs/signals/work.md</c>.
/// </summary>
public sealed class WorkMixShare : ISignal
{
    /// <inheritdoc />
    public string Name => "work.mix";

    /// <inheritdoc />
    public string Description => "Share of finished work by work type in each window, per team and measure (tickets, points, pull requests).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = await WorkMixData.LoadAsync(request, cancellationToken);
        return WorkMixSeries.Compute(this, request, items, w => (w.Start, w.End), (amount, total) => total > 0 ? amount / total : null);
    }
}
