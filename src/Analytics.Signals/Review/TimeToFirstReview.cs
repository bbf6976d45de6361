using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.time_to_first_review</c>: the median time from opening a pull request to its first review by someone else
/// (bots left out), over the pull requests first reviewed in each window, per team. Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class TimeToFirstReview : ISignal
{
    /// <inheritdoc />
    public string Name => "review.time_to_first_review";

    /// <inheritdoc />
    public string Description => "Median time from opening to the first review by someone else, over PRs first reviewed in the window.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var pr in await ReviewData.LoadAsync(request, cancellationToken))
        {
            if (pr.Author?.IsBot != true && pr.Reviews.Count > 0)
            {
                var first = pr.Reviews[0].SubmittedAt;
                collectors[pr.Team.Id].Add(first, Math.Max(0, (first - pr.CreatedAt).TotalSeconds));
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => Quantile.Median(values)))
            .ToList();
    }
}
