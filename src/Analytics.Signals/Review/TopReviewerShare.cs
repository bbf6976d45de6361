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
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReviewLoad.SpreadAsync(this, request, Inequality.TopShare, cancellationToken);
    }
}
