using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Onboarding;

/// <summary>
/// Finds the joiners of the request's teams from the whole stored history of commits, pull requests and reviews, and the
/// teams file's <see cref="TeamMember.Joined"/> dates. Definitions: <c>docs/signals/onboarding.md</c>.
/// </summary>
internal static class Joiners
{
    /// <summary>
    /// How long after the first stored activity a first appearance still only reflects when collection started: people
    /// active from the start were already there, unless the teams file says when they joined.
    /// </summary>
    public static readonly TimeSpan HistoryWarmUp = TimeSpan.FromDays(28);

    public static async Task<IReadOnlyList<Joiner>> FindAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var merged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var reviewed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var authors = new Dictionary<(string Source, string Id), string>();
        DateTimeOffset? historyStart = null;

        void Seen(Dictionary<string, DateTimeOffset> earliest, string person, DateTimeOffset at)
        {
            if (!earliest.TryGetValue(person, out var current) || at < current)
            {
                earliest[person] = at;
            }

            historyStart = historyStart is { } start && start <= at ? start : at;
        }

        await foreach (var commit in request.Store.ReadAsync(Entities.Commits, null, cancellationToken))
        {
            Seen(first, membership.PersonOf("git", commit.AuthorEmail).Key, commit.AuthoredAt);
        }

        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, null, cancellationToken))
        {
            var author = membership.PersonOf(pr.Source, pr.Author).Key;
            authors[(pr.Source, pr.SourceId)] = author;
            Seen(first, author, pr.CreatedAt);
            if (pr.MergedAt is { } mergedAt && mergedAt < request.To && (!merged.TryGetValue(author, out var earlier) || mergedAt < earlier))
            {
                merged[author] = mergedAt;
            }
        }

        await foreach (var review in request.Store.ReadAsync(Entities.Reviews, null, cancellationToken))
        {
            var reviewer = membership.PersonOf(review.Source, review.Reviewer).Key;
            Seen(first, reviewer, review.SubmittedAt);
            // Reviewing one's own pull request (a comment on it is stored as a review) is not reviewing.
            if (review.SubmittedAt < request.To && authors.GetValueOrDefault((review.Source, review.PullRequestId)) != reviewer
                && (!reviewed.TryGetValue(reviewer, out var earlier) || review.SubmittedAt < earlier))
            {
                reviewed[reviewer] = review.SubmittedAt;
            }
        }

        var joiners = new List<Joiner>();
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var team in request.Teams)
        {
            foreach (var member in team.Members)
            {
                var person = membership.KeyOf(member);
                DateTimeOffset? joined = member.Joined is { } day
                    ? new TimeWindow(day, Granularity.Day, member.TimeZone ?? team.TimeZone).Start
                    : null;
                DateTimeOffset? activity = first.TryGetValue(person, out var at) ? at : null;
                var appeared = joined is { } j && (activity is null || j < activity) ? joined : activity;
                var isJoiner = joined is not null || (appeared is { } a && historyStart is { } start && a >= start + HistoryWarmUp);
                if (appeared is { } appearedAt && isJoiner && appearedAt < request.To && counted.Add(person))
                {
                    joiners.Add(new Joiner(
                        team.Id,
                        person,
                        appearedAt,
                        merged.TryGetValue(person, out var m) ? m : null,
                        reviewed.TryGetValue(person, out var r) ? r : null));
                }
            }
        }

        return joiners;
    }

    /// <summary>
    /// One series per team: in each window, <see cref="SignalRequest.Aggregator"/> of the time from appearance to the
    /// milestone of the joiners who appeared in it; a joiner who has not reached it by the request's end counts with the
    /// time elapsed until then, a lower bound, so a joiner who is stuck shows rather than vanishes.
    /// </summary>
    public static async Task<IReadOnlyList<Series.Series>> TimeToAsync(
        ISignal signal, SignalRequest request, Func<Joiner, DateTimeOffset?> milestone, CancellationToken cancellationToken)
    {
        var joiners = (await FindAsync(request, cancellationToken)).ToLookup(j => j.Team, StringComparer.Ordinal);
        return request.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(team =>
            {
                var values = WindowedValues.ForTeam(request, team);
                foreach (var joiner in joiners[team.Id].OrderBy(j => j.AppearedAt))
                {
                    var reached = milestone(joiner) ?? request.To;
                    values.Add(joiner.AppearedAt, Math.Max(0, (reached - joiner.AppearedAt).TotalSeconds));
                }

                return values.ToSeries(signal.Name, Labels.Of(new Label("team", team.Id)), signal.Unit, v => Statistics.Aggregation.Apply(request.Aggregator, v));
            })
            .ToList();
    }
}
