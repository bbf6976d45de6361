using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.merged_without_review</c>: the share of people's pull requests merged in each window without any review by
/// someone else, per team. Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class MergedWithoutReview : ISignal
{
    /// <inheritdoc />
    public string Name => "review.merged_without_review";

    /// <inheritdoc />
    public string Description => "Share of PRs merged in the window with no review by someone other than the author.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var pr in await ReviewData.LoadAsync(request, cancellationToken))
        {
            if (pr.MergedAt is { } merged && pr.Author?.IsBot != true)
            {
                var reviewedBeforeMerge = pr.Reviews.Any(r => r.SubmittedAt <= merged);
                collectors[pr.Team.Id].Add(merged, reviewedBeforeMerge ? 0 : 1);
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => values.Count == 0 ? null : values.Average()))
            .ToList();
    }
}
