using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.reviews</c>: reviews each person submitted per window on a team's pull requests (their own pull requests and
/// bots left out). A person-level signal: it measures load on people. Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class ReviewsPerReviewer : ISignal
{
    /// <inheritdoc />
    public string Name => "review.reviews";

    /// <inheritdoc />
    public string Description => "Reviews submitted per reviewer per window on the team's pull requests (bots left out).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var load = await ReviewLoad.ComputeAsync(request, cancellationToken);
        return load
            .SelectMany(team => team.Value.PerPerson.Select(person => person.Value.ToSeries(
                Name,
                Labels.Of(new Label("team", team.Key), new Label("person", person.Key)),
                Unit,
                values => values.Count)))
            .ToList();
    }
}
