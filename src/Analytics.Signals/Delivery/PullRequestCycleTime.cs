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
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = request.Teams.ToDictionary(
            t => t.Id,
            t => new WindowedValues(TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone).ToList()));
        await foreach (var pr in MergedPullRequests.MergedInPeriodAsync(request, cancellationToken))
        {
            if (request.OwnerOf(pr.Repository) is { } team && request.People.Find(pr.Source, pr.Author)?.IsBot != true)
            {
                collectors[team.Id].Add(pr.MergedAt!.Value, (pr.MergedAt.Value - pr.CreatedAt).TotalSeconds);
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => Quantile.Median(values)))
            .ToList();
    }
}
