using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// The share of a team's pages and commits that fell at times <c>isOff</c> picks, in each person's working hours and
/// time zone (<see cref="WorkingSchedules"/>): one series per team and kind (<c>page</c>, <c>commit</c>, and <c>all</c>
/// pooling both). Pages are those of <c>oncall.pages</c> (the team running the incident's service); commits are those
/// authored by the team's members, once per hash, in the window of their author time.
/// </summary>
internal static class OffHoursShare
{
    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<WorkingHours, DateTimeOffset, string, bool> isOff,
        CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var schedules = new WorkingSchedules(request, membership);
        var allPages = await OnCall.Pages.ComputeAsync(request, (_, _, _) => true, cancellationToken);
        var offPages = await OnCall.Pages.ComputeAsync(
            request,
            (incident, team, person) =>
            {
                var (zone, hours) = schedules.Of(team, person);
                return isOff(hours, incident.CreatedAt, zone);
            },
            cancellationToken);

        // Each commit observed as 1 when off, 0 when not.
        var commits = WindowedValues.PerTeam(request);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var span = RequestSpan.Of(request);
        var query = StoreQuery.All.Since("authored_at", span.Start).Before("authored_at", span.End);
        await foreach (var commit in request.Store.ReadAsync(Entities.Commits, query, cancellationToken))
        {
            var (person, isBot) = membership.PersonOf("git", commit.AuthorEmail);
            if (isBot || membership.TeamOf("git", commit.AuthorEmail) is not { } team || !seen.Add(commit.Sha))
            {
                continue;
            }

            var (zone, hours) = schedules.Of(team, person);
            commits[team.Id].Add(commit.AuthoredAt, isOff(hours, commit.AuthoredAt, zone) ? 1 : 0);
        }

        return request.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(team =>
            {
                var windows = commits[team.Id].Windows;
                (int Off, int All) Pages(int i) => (offPages[team.Id].Values.Sum(v => v.CountIn(i)), allPages[team.Id].Values.Sum(v => v.CountIn(i)));
                (int Off, int All) Commits(int i) => ((int)commits[team.Id].ValuesIn(i).Sum(), commits[team.Id].CountIn(i));
                return new (string Kind, Func<int, (int Off, int All)> Count)[]
                {
                    ("all", i => (Pages(i).Off + Commits(i).Off, Pages(i).All + Commits(i).All)),
                    ("commit", Commits),
                    ("page", Pages),
                }.Select(kind => new Series.Series(
                    signal.Name,
                    Labels.Of(new Label("team", team.Id), new Label("kind", kind.Kind)),
                    signal.Unit,
                    ValueList.From(windows.Select((w, i) =>
                    {
                        var (off, all) = kind.Count(i);
                        return new SeriesPoint(w, all > 0 ? (double)off / all : null, all);
                    }))));
            })
            .ToList();
    }
}
