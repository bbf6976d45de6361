using Analytics.Domain.Common;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.top_reviewer_share</c>: the share of a team's reviews done by its busiest reviewer in each window.
/// Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class TopReviewerShare : ISignal
{
    /// <inheritdoc />
    public string Name => "review.top_reviewer_share";

    /// <inheritdoc />
    public string Description => "Share of the team's reviews done by its busiest reviewer, per window.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await ReviewLoad.ComputeAsync(request, cancellationToken))
            .Select(team => new Series.Series(
                Name,
                Labels.Of(new Label("team", team.Key)),
                Unit,
                ValueList.From(team.Value.Windows.Select((w, i) =>
                {
                    var counts = team.Value.CountsIn(i).ToList();
                    return new SeriesPoint(w, Inequality.TopShare(counts), (int)counts.Sum());
                }))))
            .ToList();
    }
}
