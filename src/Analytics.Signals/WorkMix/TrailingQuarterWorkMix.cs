using Analytics.Signals.Series;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// <c>work.mix_trailing_quarter</c>: each work type's share of the work finished in the three calendar months ending with
/// each window (a rolling quarter in the team's time zone), per team and measure, so weekly rules can ask quarter-sized
/// questions ("no tech debt for a quarter", "unplanned work rising"). Definition: <c>docs/signals/work.md</c>.
/// </summary>
public sealed class TrailingQuarterWorkMix : ISignal
{
    /// <inheritdoc />
    public string Name => "work.mix_trailing_quarter";

    /// <inheritdoc />
    public string Description => "Share of work by work type over the three months ending with each window, per team and measure.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = await WorkMixData.LoadAsync(request, cancellationToken);
        return WorkMixSeries.Compute(
            this,
            request,
            items,
            w => (new TimeWindow(w.EndDay.AddMonths(-3), Granularity.Day, w.TimeZone).Start, w.End),
            (amount, total) => total > 0 ? amount / total : null);
    }
}
