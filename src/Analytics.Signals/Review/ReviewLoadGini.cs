using Analytics.Domain.Common;
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
                    return new SeriesPoint(w, Inequality.Gini(counts), (int)counts.Sum());
                }))))
            .ToList();
    }
}
