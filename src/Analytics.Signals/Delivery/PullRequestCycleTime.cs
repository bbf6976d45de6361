using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.cycle_time</c>: the median time from opening a pull request to merging it, over the pull requests merged in each
/// window, per team; bots left out. Definition: <c>docs/signals/pr.cycle_time.md</c>.
/// </summary>
public sealed class PullRequestCycleTime : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.cycle_time";

    /// <inheritdoc />
    public string Description => "Median time from opening to merging, over pull requests merged in the window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken) =>
        MergedByPeople.ComputeAsync(this, request, pr => (pr.MergedAt - pr.CreatedAt).TotalSeconds, values => Quantile.Median(values), cancellationToken);
}
