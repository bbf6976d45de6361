using Analytics.Signals.Series;

namespace Analytics.Signals.Commitments;

/// <summary>
/// <c>commitment.carry_over</c>: tickets (or their points) still in the sprints ending in each window but not resolved by
/// their end, per team and measure. Definition: <c>docs/signals/commitment.md</c>.
/// </summary>
public sealed class SprintCarryOver : ISignal
{
    /// <inheritdoc />
    public string Name => "commitment.carry_over";

    /// <inheritdoc />
    public string Description => "Unfinished tickets (or points) left in sprints at their end, per team and measure.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SprintSignal.ComputeAsync(this, request, (ended, points) => SprintSignal.Total(ended, o => o.CarriedOver, points), cancellationToken);
    }
}
