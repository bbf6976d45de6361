using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// Reviews per person per window for each team: the reviewers of the team's pull requests, plus the team's configured
/// members with no review at all (a member who reviews nothing is part of an uneven load).
/// </summary>
internal sealed record ReviewLoad(IReadOnlyList<TimeWindow> Windows, IReadOnlyDictionary<string, WindowedValues> PerPerson)
{
    public static async Task<Dictionary<string, ReviewLoad>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var byTeam = ReviewData.ByTeam(await ReviewData.LoadAsync(request, cancellationToken));
        var result = new Dictionary<string, ReviewLoad>();
        foreach (var team in request.Teams)
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var perPerson = new SortedDictionary<string, WindowedValues>(StringComparer.Ordinal);
            foreach (var member in team.Members)
            {
                perPerson[member.Id] = new WindowedValues(windows);
            }

            foreach (var pr in byTeam.TryGetValue(team.Id, out var owned) ? owned : [])
            {
                foreach (var review in pr.Reviews)
                {
                    if (!perPerson.TryGetValue(review.Reviewer, out var values))
                    {
                        perPerson[review.Reviewer] = values = new WindowedValues(windows);
                    }

                    values.Add(review.SubmittedAt, 1);
                }
            }

            result[team.Id] = new ReviewLoad(windows, perPerson);
        }

        return result;
    }

    /// <summary>One series per team whose point in each window is <paramref name="measure"/> of the people's review counts.</summary>
    public static async Task<IReadOnlyList<Series.Series>> SpreadAsync(
        ISignal signal,
        SignalRequest request,
        Func<IEnumerable<double>, double?> measure,
        CancellationToken cancellationToken) =>
        (await ComputeAsync(request, cancellationToken))
            .Select(team => new Series.Series(
                signal.Name,
                Labels.Of(new Label("team", team.Key)),
                signal.Unit,
                Analytics.Domain.Common.ValueList.From(team.Value.Windows.Select((w, i) =>
                {
                    var counts = team.Value.CountsIn(i).ToList();
                    return new SeriesPoint(w, measure(counts), (int)counts.Sum());
                }))))
            .ToList();

    /// <summary>Each person's count of reviews in window <paramref name="index"/>.</summary>
    public IEnumerable<double> CountsIn(int index) => PerPerson.Values.Select(v => (double)v.CountIn(index));
}
