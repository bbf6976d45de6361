using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Interruptions;
using Analytics.Signals.Membership;
using Analytics.Signals.Onboarding;
using Analytics.Signals.Ownership;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

using Analytics.Testing.Stores;

namespace Analytics.Signals.Tests.GitHistory;

/// <summary>
/// The git-history reads of <c>ownership.truck_factor</c>, <c>offhours.*</c> and <c>onboarding.*</c> go through
/// columnar reads (<see cref="IStore.ReadColumnsAsync"/>); over the simulated organisation they must give exactly what
/// the former record reads gave (kept below as <see cref="FormerReads"/>), on SQLite and PostgreSQL. The signals'
/// series are computed from these inputs by code the change did not touch.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class ColumnarGitHistoryTests : IAsyncLifetime
{
    private readonly FreshStores _stores;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected ColumnarGitHistoryTests(StoreKind kind) => _stores = new FreshStores(kind, Time);

    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SimulatedOrganisation> Organisation =
        new(() => OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 44 }));

    private IStore? _store;

    protected FakeTimeProvider Time { get; } = new(End);

    private IStore Store => _store ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        // Only the tables these reads use: the whole organisation would take far longer to write.
        var read = new EntityMap[] { Entities.Commits, Entities.FileChanges, Entities.PullRequests, Entities.Reviews };
        await using var writer = await _store.BeginWriteAsync(default);
        foreach (var (map, records) in SimulatedOrganisationWriter.RecordsByEntity(Organisation.Value).Where(e => read.Contains(e.Map)))
        {
            await writer.UpsertAsync(map, records, default);
        }

        await writer.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task ReadIntoAsync_SimulatedOrganisation_BuildsTheSameAuthorshipAsRecordReads()
    {
        var request = Request();
        var repositories = Organisation.Value.Teams.SelectMany(t => t.Repositories).Distinct().Order(StringComparer.Ordinal).ToList();
        // With decay the ledger sums fractional weights, whose rounding depends on the order they arrive in.
        foreach (var options in new[] { TruckFactorOptions.Default, TruckFactorOptions.Default with { DecayHalfLife = TimeSpan.FromDays(90) } })
        {
            foreach (var repository in repositories)
            {
                var former = new AuthorshipLedger(options, End);
                await foreach (var commit in FormerReads.HistoryAsync(Store, repository, End))
                {
                    former.Add(commit);
                }

                var columnar = new AuthorshipLedger(options, End);
                await StoredHistory.ReadIntoAsync(Store, repository, End, columnar, default);

                columnar.Commits.Should().Be(former.Commits).And.BePositive(repository);
                var expected = former.Build(a => request.People.Find("git", a));
                var actual = columnar.Build(a => request.People.Find("git", a));
                actual.Contributors.Should().Equal(expected.Contributors, repository);
                actual.Files.Should().BeEquivalentTo(expected.Files, o => o.WithStrictOrdering(), repository);
                actual.Folders().Should().BeEquivalentTo(expected.Folders(), o => o.WithStrictOrdering(), repository);
            }
        }

        var series = await new TruckFactorSignal().ComputeAsync(request, default);
        series.Should().HaveCountGreaterThan(repositories.Count).And.OnlyContain(s => s.Points.Single().Observations > 0);
    }

    [Fact]
    public async Task TeamCommitsAsync_SimulatedOrganisation_GivesTheCommitsOfRecordReads()
    {
        var request = Request();
        var membership = new TeamMembership(request);

        var expected = await FormerReads.TeamCommitsAsync(request, membership);
        var actual = await OffHoursShare.TeamCommitsAsync(request, default);

        // The order of the observations does not matter (each window counts and sums 0s and 1s).
        static IEnumerable<(string, string, DateTimeOffset)> Sorted(IEnumerable<(Team Team, string Person, DateTimeOffset At)> commits) =>
            commits.Select(c => (c.Team.Id, c.Person, c.At)).Order();
        expected.Should().HaveCountGreaterThan(100);
        Sorted(actual).Should().Equal(Sorted(expected));
    }

    [Fact]
    public async Task FindAsync_SimulatedOrganisation_FindsTheJoinersOfRecordReads()
    {
        // At the end, and 55 days before it: the simulated joiners (70 and 63 days before the end) have reached fewer milestones.
        foreach (var request in new[] { Request(), Request() with { To = End.AddDays(-55) } })
        {
            var expected = await FormerReads.JoinersAsync(request);
            var actual = await Joiners.FindAsync(request, default);

            expected.Should().NotBeEmpty();
            actual.Should().Equal(expected);
        }
    }

    /// <summary>A new, empty store of this class's kind (closed at disposal).</summary>
    protected Task<IStore> OpenStoreAsync() => _stores.OpenAsync(default);

    private SignalRequest Request() => new(
        Store,
        Organisation.Value.Teams,
        IdentityResolver.Resolve(Organisation.Value.Identities, [], []),
        End.AddDays(-365),
        End,
        Granularity.Week);

    /// <summary>The reads as they were before the columnar ones: whole records, in key order.</summary>
    private static class FormerReads
    {
        public static async IAsyncEnumerable<AuthoredCommit> HistoryAsync(IStore store, string repository, DateTimeOffset before)
        {
            var commits = store.ReadAsync(Entities.Commits, StoreQuery.All.Where("repository", repository), default).GetAsyncEnumerator();
            try
            {
                var hasCommit = await commits.MoveNextAsync();
                var files = new List<Domain.Code.FileChange>();
                string? sha = null;
                await foreach (var change in store.ReadAsync(Entities.FileChanges, StoreQuery.All.Where("repository", repository), default))
                {
                    if (sha is not null && change.Sha != sha)
                    {
                        if (await JoinAsync(sha) is { } joined)
                        {
                            yield return joined;
                        }

                        files = [];
                    }

                    sha = change.Sha;
                    files.Add(change);
                }

                if (sha is not null && await JoinAsync(sha) is { } last)
                {
                    yield return last;
                }

                async Task<AuthoredCommit?> JoinAsync(string wanted)
                {
                    while (hasCommit && string.CompareOrdinal(commits.Current.Sha, wanted) < 0)
                    {
                        hasCommit = await commits.MoveNextAsync();
                    }

                    if (!hasCommit || commits.Current.Sha != wanted || commits.Current.CommittedAt >= before)
                    {
                        return null;
                    }

                    var commit = commits.Current;
                    return new AuthoredCommit(
                        commit.Sha, AuthoredCommit.AccountOf(commit.AuthorName, commit.AuthorEmail), commit.AuthorName, commit.AuthoredAt, commit.CommittedAt, files);
                }
            }
            finally
            {
                await commits.DisposeAsync();
            }
        }

        public static async Task<List<(Team Team, string Person, DateTimeOffset At)>> TeamCommitsAsync(SignalRequest request, TeamMembership membership)
        {
            var result = new List<(Team, string, DateTimeOffset)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var span = RequestSpan.Of(request);
            var query = StoreQuery.All.Since("authored_at", span.Start).Before("authored_at", span.End);
            await foreach (var commit in request.Store.ReadAsync(Entities.Commits, query, default))
            {
                var (person, isBot) = membership.PersonOf("git", commit.AuthorEmail);
                if (isBot || membership.TeamOf("git", commit.AuthorEmail) is not { } team || !seen.Add(commit.Sha))
                {
                    continue;
                }

                result.Add((team, person, commit.AuthoredAt));
            }

            return result;
        }

        public static async Task<List<Joiner>> JoinersAsync(SignalRequest request)
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

            await foreach (var commit in request.Store.ReadAsync(Entities.Commits, null, default))
            {
                Seen(first, membership.PersonOf("git", commit.AuthorEmail).Key, commit.AuthoredAt);
            }

            await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, null, default))
            {
                var author = membership.PersonOf(pr.Source, pr.Author).Key;
                authors[(pr.Source, pr.SourceId)] = author;
                Seen(first, author, pr.CreatedAt);
                if (pr.MergedAt is { } mergedAt && mergedAt < request.To && (!merged.TryGetValue(author, out var earlier) || mergedAt < earlier))
                {
                    merged[author] = mergedAt;
                }
            }

            await foreach (var review in request.Store.ReadAsync(Entities.Reviews, null, default))
            {
                var reviewer = membership.PersonOf(review.Source, review.Reviewer).Key;
                Seen(first, reviewer, review.SubmittedAt);
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
                    var isJoiner = joined is not null || (appeared is { } a && historyStart is { } start && a >= start + Joiners.HistoryWarmUp);
                    if (appeared is { } appearedAt && isJoiner && appearedAt < request.To && counted.Add(person))
                    {
                        joiners.Add(new Joiner(
                            team.Id, person, appearedAt, merged.TryGetValue(person, out var m) ? m : null, reviewed.TryGetValue(person, out var r) ? r : null));
                    }
                }
            }

            return joiners;
        }
    }
}

/// <summary>The comparison on SQLite.</summary>
public sealed class SqliteColumnarGitHistoryTests() : ColumnarGitHistoryTests(StoreKind.Sqlite);

/// <summary>The comparison on PostgreSQL.</summary>
public sealed class PostgresColumnarGitHistoryTests() : ColumnarGitHistoryTests(StoreKind.Postgres);
