using Analytics.Domain.Common;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.OnCall;

/// <summary>
/// <c>oncall.load_gini</c>: the Gini coefficient of pages per person in each window, per team (the team's members with no
/// page count as 0; anyone else counts in the windows they were paged in). Definition: <c>docs/signals/oncall.md</c>.
/// </summary>
public sealed class OnCallLoadGini : ISignal
{
    /// <inheritdoc />
    public string Name => "oncall.load_gini";

    /// <inheritdoc />
    public string Description => "Gini coefficient of pages per person per window (members never paged count as 0).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pages = await Pages.ComputeAsync(request, (_, _, _) => true, cancellationToken);
        var membership = new TeamMembership(request);
        return request.Teams.Select(team =>
        {
            var members = membership.MembersOf(team).ToHashSet(StringComparer.Ordinal);
            var people = pages[team.Id];
            var points = WindowedValues.ForTeam(request, team).Windows.Select((window, i) =>
            {
                var counts = PeopleCounted.CountsIn(people, members, i).ToList();
                return new SeriesPoint(window, Inequality.Gini(counts), (int)counts.Sum());
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
