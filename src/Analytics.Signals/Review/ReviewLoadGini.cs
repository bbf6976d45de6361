using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.load_gini</c>: the Gini coefficient of reviews per person in each window, per team (0 = evenly spread;
/// near 1 = one person reviews everything). Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class ReviewLoadGini : ISignal
{
    /// <inheritdoc />
    public string Name => "review.load_gini";

    /// <inheritdoc />
    public string Description => "Gini coefficient of reviews per person per window (team members with no review count as 0).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReviewLoad.SpreadAsync(this, request, Inequality.Gini, cancellationToken);
    }
}
