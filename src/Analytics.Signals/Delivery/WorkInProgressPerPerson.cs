using Analytics.Domain.Common;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.wip_per_person</c>: each person's open, non-draft pull requests at each window's end (the period's end for the
/// current window), in any repository of the request's teams, under the team they are a member of (people in no team:
/// under the team owning the repository). The team's members with none show 0. A person-level signal: WIP limits in
/// working agreements are per person. Definition: <c>docs/signals/flow.md</c>.
/// </summary>
public sealed class WorkInProgressPerPerson : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.wip_per_person";

    /// <inheritdoc />
    public string Description => "Open non-draft PRs per person at the window's end (or the period's end), under their team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var membership = new TeamMembership(request);
        var byPerson = new SortedDictionary<(string Team, string Person), List<OpenPullRequest>>();
        foreach (var team in request.Teams)
        {
            foreach (var person in membership.MembersOf(team))
            {
                byPerson.TryAdd((team.Id, person), []);
            }
        }

        // Owners looked up once per repository (OpenPullRequests.ByOwner); each person's list is only counted, so the
        // order the owners' groups come in does not matter.
        foreach (var (ownerId, owned) in OpenPullRequests.ByOwner(request, await OpenPullRequests.LoadAsync(request, cancellationToken)))
        {
            foreach (var pr in owned)
            {
                var teamId = membership.TeamOf(pr.Source, pr.Author)?.Id ?? ownerId;
                var key = (teamId, membership.PersonOf(pr.Source, pr.Author).Key);
                (byPerson.TryGetValue(key, out var list) ? list : byPerson[key] = []).Add(pr);
            }
        }

        var windows = request.Teams.ToDictionary(t => t.Id, t => WindowedValues.ForTeam(request, t).Windows);
        var instants = windows.ToDictionary(w => w.Key, w => (IReadOnlyList<DateTimeOffset>)w.Value.Select(window => OpenPullRequests.CountedAt(request, window)).ToList());
        return byPerson.Select(entry =>
        {
            var counts = OpenPullRequests.CountOpenAt(entry.Value, instants[entry.Key.Team]);
            var points = windows[entry.Key.Team].Select((window, i) => new SeriesPoint(window, counts[i], counts[i]));
            return new Series.Series(
                Name, Labels.Of(new Label("team", entry.Key.Team), new Label("person", entry.Key.Person)), Unit, ValueList.From(points));
        }).ToList();
    }
}
