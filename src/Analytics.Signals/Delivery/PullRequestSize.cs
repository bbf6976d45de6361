using Analytics.Signals.Series;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.size</c>: the size of people's pull requests merged in each window, per team, as changed lines (additions plus
/// deletions), summarised with the request's aggregator (median by default) and a bootstrap 95% interval. Definition:
/// <c>docs/signals/flow.md</c>.
/// </summary>
public sealed class PullRequestSize : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.size";

    /// <inheritdoc />
    public string Description => "Changed lines (additions + deletions) of PRs merged in the window, per team (median by default).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = await MergedByPeople.CollectAsync(request, pr => pr.ChangedLines, cancellationToken);
        return request.Teams
            .Select(t => collectors[t.Id].ToSeriesWithInterval(Name, Labels.Of(new Label("team", t.Id)), Unit, request.Aggregator))
            .ToList();
    }
}
