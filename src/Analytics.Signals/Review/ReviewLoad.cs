using Analytics.Signals.Membership;
using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// Reviews per person per window for each team: the reviewers of the team's pull requests, plus the team's configured
/// members with no review at all (a member who reviews nothing is part of an uneven load).
/// </summary>
/// <param name="Windows">The team's windows.</param>
/// <param name="PerPerson">Each reviewer's and member's reviews.</param>
/// <param name="Members">The team's configured members, counted in every window.</param>
internal sealed record ReviewLoad(IReadOnlyList<TimeWindow> Windows, IReadOnlyDictionary<string, WindowedValues> PerPerson, IReadOnlySet<string> Members)
{
    public static async Task<Dictionary<string, ReviewLoad>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var byTeam = ReviewData.ByTeam(await ReviewData.LoadAsync(request, cancellationToken));
        var result = new Dictionary<string, ReviewLoad>();
        foreach (var team in request.Teams)
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var perPerson = new SortedDictionary<string, WindowedValues>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in team.Members)
            {
                perPerson[member.Id] = new WindowedValues(windows);
                members.Add(member.Id);
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

            result[team.Id] = new ReviewLoad(windows, perPerson, members);
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

    /// <summary>The review counts in window <paramref name="index"/> of the people counted there (<see cref="PeopleCounted"/>).</summary>
    public IEnumerable<double> CountsIn(int index) => PeopleCounted.CountsIn(PerPerson, Members, index);
}
