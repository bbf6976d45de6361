using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
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

    private const string Git = "git";
    private static readonly StoreQuery AnyOrder = StoreQuery.All.InAnyOrder();
    private static readonly string[] PullRequestColumns = ["source", "source_id", "author", "created_at", "merged_at"];
    private static readonly string[] ReviewColumns = ["source", "pull_request_id", "reviewer", "submitted_at"];

    /// <summary>
    /// The joiners of the request's teams, found once per request (<see cref="SignalRequest.OncePerRequestAsync"/>: the
    /// onboarding signals computed together share the reads).
    /// </summary>
    public static Task<IReadOnlyList<Joiner>> FindAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(Joiners), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<IReadOnlyList<Joiner>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var people = new People(membership);
        // Each read is a table scan in any order: what is kept are minima, and the pull requests' authors are all known
        // before the first review is read.
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Commits, ["author_email", "authored_at"], AnyOrder, cancellationToken))
        {
            var emails = batch.Codes(0);
            var authoredAt = batch.Ticks(1);
            for (var row = 0; row < batch.Count; row++)
            {
                people.Seen(people.Of(batch.Strings, Git, emails[row]), authoredAt[row]);
            }
        }

        var authors = new Dictionary<(string Source, string Id), int>();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, PullRequestColumns, AnyOrder, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var ids = batch.Codes(1);
            var authorCodes = batch.Codes(2);
            var createdAt = batch.Ticks(3);
            var mergedAt = batch.Ticks(4);
            for (var row = 0; row < batch.Count; row++)
            {
                var author = people.Of(strings, sources[row], authorCodes[row]);
                authors[(strings[sources[row]], strings[ids[row]])] = author;
                people.Seen(author, createdAt[row]);
                if (!batch.IsNull(4, row) && mergedAt[row] < request.To.UtcTicks)
                {
                    people.Merged(author, mergedAt[row]);
                }
            }
        }

        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.Reviews, ReviewColumns, AnyOrder, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(0);
            var pullRequests = batch.Codes(1);
            var reviewers = batch.Codes(2);
            var submittedAt = batch.Ticks(3);
            for (var row = 0; row < batch.Count; row++)
            {
                var reviewer = people.Of(strings, sources[row], reviewers[row]);
                people.Seen(reviewer, submittedAt[row]);
                // Reviewing one's own pull request (a comment on it is stored as a review) is not reviewing.
                if (submittedAt[row] < request.To.UtcTicks
                    && authors.GetValueOrDefault((strings[sources[row]], strings[pullRequests[row]]), -1) != reviewer)
                {
                    people.Reviewed(reviewer, submittedAt[row]);
                }
            }
        }

        var historyStart = people.HistoryStart;
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
                var activity = people.First(person);
                var appeared = joined is { } j && (activity is null || j < activity) ? joined : activity;
                var isJoiner = joined is not null || (appeared is { } a && historyStart is { } start && a >= start + HistoryWarmUp);
                if (appeared is { } appearedAt && isJoiner && appearedAt < request.To && counted.Add(person))
                {
                    joiners.Add(new Joiner(
                        team.Id,
                        person,
                        appearedAt,
                        people.FirstMerged(person),
                        people.FirstReviewed(person)));
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

    /// <summary>
    /// The people met in the reads, by index, with the earliest instant (UTC ticks) of each kind; each account of a read
    /// (source and account codes) resolved to a person once.
    /// </summary>
    private sealed class People(TeamMembership membership)
    {
        private const int GitSource = -2;
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<long> _first = [];
        private readonly List<long> _merged = [];
        private readonly List<long> _reviewed = [];
        private readonly Dictionary<(int Source, int Account), int> _accounts = [];
        private StringTable? _strings;
        private long _historyStart = long.MaxValue;

        /// <summary>The earliest activity of anyone, or null when there is none.</summary>
        public DateTimeOffset? HistoryStart => At(_historyStart);

        /// <summary>The person behind a commit's author e-mail (a code of <paramref name="strings"/>).</summary>
        public int Of(StringTable strings, string source, int account) => Of(strings, GitSource, source, account);

        /// <summary>The person behind an account of a pull request or review (codes of <paramref name="strings"/>).</summary>
        public int Of(StringTable strings, int source, int account) => Of(strings, source, strings[source], account);

        /// <summary>Notes an activity of <paramref name="person"/>.</summary>
        public void Seen(int person, long at)
        {
            Earliest(_first, person, at);
            _historyStart = Math.Min(_historyStart, at);
        }

        /// <summary>Notes a merge of <paramref name="person"/>'s pull request.</summary>
        public void Merged(int person, long at) => Earliest(_merged, person, at);

        /// <summary>Notes a review by <paramref name="person"/> of someone else's pull request.</summary>
        public void Reviewed(int person, long at) => Earliest(_reviewed, person, at);

        /// <summary>A person's first activity, by person key.</summary>
        public DateTimeOffset? First(string person) => _index.TryGetValue(person, out var i) ? At(_first[i]) : null;

        /// <summary>When a person's first pull request was merged, by person key.</summary>
        public DateTimeOffset? FirstMerged(string person) => _index.TryGetValue(person, out var i) ? At(_merged[i]) : null;

        /// <summary>When a person first reviewed someone else's pull request, by person key.</summary>
        public DateTimeOffset? FirstReviewed(string person) => _index.TryGetValue(person, out var i) ? At(_reviewed[i]) : null;

        private static DateTimeOffset? At(long ticks) => ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

        private static void Earliest(List<long> earliest, int person, long at)
        {
            if (at < earliest[person])
            {
                earliest[person] = at;
            }
        }

        private int Of(StringTable strings, int sourceCode, string source, int account)
        {
            // Codes are those of one read: a new read starts a new cache.
            if (!ReferenceEquals(strings, _strings))
            {
                _strings = strings;
                _accounts.Clear();
            }

            if (!_accounts.TryGetValue((sourceCode, account), out var person))
            {
                var key = membership.PersonOf(source, strings[account]).Key;
                if (!_index.TryGetValue(key, out person))
                {
                    person = _first.Count;
                    _index.Add(key, person);
                    _first.Add(long.MaxValue);
                    _merged.Add(long.MaxValue);
                    _reviewed.Add(long.MaxValue);
                }

                _accounts.Add((sourceCode, account), person);
            }

            return person;
        }
    }
}
