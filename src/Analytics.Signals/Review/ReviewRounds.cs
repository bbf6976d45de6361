using Analytics.Domain.Code;
using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.rounds</c>: the mean number of review rounds of the reviewed pull requests merged in each window, per team;
/// a pull request's rounds are 1 plus the reviews that asked for changes. Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class ReviewRounds : ISignal
{
    /// <inheritdoc />
    public string Name => "review.rounds";

    /// <inheritdoc />
    public string Description => "Mean review rounds (1 + changes requested) of reviewed PRs merged in the window.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var pr in await ReviewData.LoadAsync(request, cancellationToken))
        {
            if (pr.MergedAt is { } merged && pr.Author?.IsBot != true && pr.Reviews.Count > 0)
            {
                collectors[pr.Team.Id].Add(merged, 1 + pr.Reviews.Count(r => r.State == ReviewState.ChangesRequested));
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => values.Count == 0 ? null : values.Average()))
            .ToList();
    }
}
