using Analytics.Signals.Series;

namespace Analytics.Signals.Commitments;

/// <summary>
/// <c>commitment.sprint_completion</c>: of the scope committed at the start of the sprints that ended in each window, the
/// share still in the sprint and resolved by its end, per team and measure (tickets, points). Definition:
/// <c>docs/signals/commitment.md</c>.
/// </summary>
public sealed class SprintCompletion : ISignal
{
    /// <inheritdoc />
    public string Name => "commitment.sprint_completion";

    /// <inheritdoc />
    public string Description => "Share of the scope committed at sprint start that was done by sprint end, per team and measure (tickets, points).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SprintSignal.ComputeAsync(
            this,
            request,
            (ended, points) => SprintSignal.Ratio(SprintSignal.Total(ended, o => o.CommittedDone, points), SprintSignal.Total(ended, o => o.Committed, points)),
            cancellationToken);
    }
}
