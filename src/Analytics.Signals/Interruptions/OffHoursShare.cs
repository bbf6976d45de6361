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
    private static readonly string[] CommitColumns = ["repository", "sha", "author_email", "authored_at"];

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
        foreach (var (team, person, authoredAt) in await TeamCommitsAsync(request, cancellationToken))
        {
            var (zone, hours) = schedules.Of(team, person);
            commits[team.Id].Add(authoredAt, isOff(hours, authoredAt, zone) ? 1 : 0);
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

    /// <summary>
    /// The commits authored in the request's span by a member of one of its teams (bots left out), once per hash: a hash
    /// stored in several repositories counts in the first repository (ordinal order, the store's key order) where its
    /// author is a member. Read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>: <c>offhours.share</c>
    /// and <c>offhours.weekend_share</c> computed together share it), as columns in any order (a table scan), each author
    /// e-mail resolved once.
    /// </summary>
    internal static Task<IReadOnlyList<(Team Team, string Person, DateTimeOffset AuthoredAt)>> TeamCommitsAsync(
        SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(TeamCommitsAsync), ct => ReadTeamCommitsAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<(Team Team, string Person, DateTimeOffset AuthoredAt)>> ReadTeamCommitsAsync(
        SignalRequest request, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var span = RequestSpan.Of(request);
        var query = StoreQuery.All.Since("authored_at", span.Start).Before("authored_at", span.End).InAnyOrder();
        var authors = new List<(Team? Team, string Person)?>(); // by e-mail code; null until first met
        var bySha = new Dictionary<int, (int Repository, Team Team, string Person, long AuthoredAt)>();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Commits, CommitColumns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var repositories = batch.Codes(0);
            var shas = batch.Codes(1);
            var emails = batch.Codes(2);
            var authoredAt = batch.Ticks(3);
            for (var row = 0; row < batch.Count; row++)
            {
                var email = emails[row];
                while (authors.Count <= email)
                {
                    authors.Add(null);
                }

                if (authors[email] is not { } author)
                {
                    var (person, isBot) = membership.PersonOf("git", strings[email]);
                    author = (isBot ? null : membership.TeamOf("git", strings[email]), person);
                    authors[email] = author;
                }

                if (author.Team is not { } team)
                {
                    continue;
                }

                if (!bySha.TryGetValue(shas[row], out var kept) || string.CompareOrdinal(strings[repositories[row]], strings[kept.Repository]) < 0)
                {
                    bySha[shas[row]] = (repositories[row], team, author.Person, authoredAt[row]);
                }
            }
        }

        return bySha.Values.Select(c => (c.Team, c.Person, new DateTimeOffset(c.AuthoredAt, TimeSpan.Zero))).ToList();
    }
}
