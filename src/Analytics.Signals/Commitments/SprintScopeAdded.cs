using Analytics.Signals.Series;

namespace Analytics.Signals.Commitments;

/// <summary>
/// <c>commitment.scope_added</c>: scope that entered the sprints ending in each window after they started, relative to
/// the scope committed at their start (0.5 = half as much again), per team and measure. Definition:
/// <c>docs/signals/commitment.md</c>.
/// </summary>
public sealed class SprintScopeAdded : ISignal
{
    /// <inheritdoc />
    public string Name => "commitment.scope_added";

    /// <inheritdoc />
    public string Description => "Scope added to sprints after they started, relative to the committed scope, per team and measure.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SprintSignal.ComputeAsync(
            this,
            request,
            (ended, points) => SprintSignal.Ratio(SprintSignal.Total(ended, o => o.Added, points), SprintSignal.Total(ended, o => o.Committed, points)),
            cancellationToken);
    }
}
