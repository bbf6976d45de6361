using Analytics.Signals.Series;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.merged</c>: pull requests merged per window, per team (by repository ownership), bots' pull requests left
/// out. Definition: <c>docs/signals/pr.merged.md</c>.
/// </summary>
public sealed class MergedPullRequests : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.merged";

    /// <inheritdoc />
    public string Description => "Pull requests merged by people (not bots) per window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken) =>
        MergedByPeople.ComputeAsync(this, request, _ => 1, values => values.Count, cancellationToken);
}
