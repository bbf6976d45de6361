using Analytics.Collectors.Simulation;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Ownership;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Stores;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Ownership;

/// <summary>
/// The truck factor's ledger advanced from a snapshot by the commits after it (<see cref="LedgerSnapshots"/>) must be
/// the ledger of the whole history (<see cref="StoredHistory"/> into a fresh <see cref="AuthorshipLedger"/>), as of
/// every instant, as history arrives in batches, late, renamed, deleted or rewritten, and with a corrupt snapshot; on
/// SQLite and PostgreSQL. The expected values are those of the whole-history computation, the one the
/// existing truck-factor tests check against Avelino et al.'s hand-computed histories.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class LedgerSnapshotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SimulatedOrganisation> Organisation =
        new(() => OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 44 }));

    private readonly FreshStores _stores;
    private readonly FakeTimeProvider _time = new(End.AddDays(30));
    private PathReadingStore? _store;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected LedgerSnapshotTests(StoreKind kind) => _stores = new FreshStores(kind, _time);

    private PathReadingStore Store => _store ?? throw new InvalidOperationException("not initialised");

    private static List<Commit> Commits => Records<Commit>(Entities.Commits);

    private static List<FileChange> Files => Records<FileChange>(Entities.FileChanges);

    private static string Repository => Organisation.Value.Teams.SelectMany(t => t.Repositories).Order(StringComparer.Ordinal).First();

    public async Task InitializeAsync() => _store = new PathReadingStore(await _stores.OpenAsync(default));

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task ReadAsync_HistoryArrivingInBatches_EqualsTheWholeHistoryAtEveryInstant()
    {
        var first = End.AddDays(-150);
        var second = End.AddDays(-60);
        var commits = Commits.Where(c => c.Repository == Repository).ToList();
        var files = Files.Where(f => f.Repository == Repository).ToList();
        var committedAt = commits.ToDictionary(c => c.Sha, c => c.CommittedAt);

        // A commit just before the first cut is held back, to arrive late (after a snapshot covering its time).
        var late = commits.Where(c => c.CommittedAt < first && files.Any(f => f.Sha == c.Sha)).MaxBy(c => c.CommittedAt)!;
        await WriteAsync(commits.Where(c => c.CommittedAt < first && c != late), files.Where(f => f.Sha != late.Sha && committedAt[f.Sha] < first));

        await CheckAsync(first, "the first snapshot, from the whole history");
        (await SnapshotAsync()).Should().NotBeNull("the first computation leaves a snapshot");

        // A batch of later commits: a rename, a delete, and an alias whose hash sorts before every other commit (so its
        // spelling of a known name was, in hash order, seen first).
        var renamed = files.First(f => f.Kind == FileChangeKind.Added && f.Path.Contains('/', StringComparison.Ordinal) && committedAt[f.Sha] < first).Path;
        var known = commits.First(c => c.CommittedAt < first && c != late);
        var extra = new[]
        {
            Extra("0000000000000000000000000000000000000001", known.AuthorName.ToUpperInvariant(), known.AuthorEmail, first.AddDays(1),
                Change(FileChangeKind.Renamed, renamed + ".moved", renamed)),
            Extra("0000000000000000000000000000000000000002", "Newcomer", "newcomer@example.com", first.AddDays(2),
                Change(FileChangeKind.Deleted, renamed + ".moved"), Change(FileChangeKind.Added, "src/new/one.cs")),
        };
        _time.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(
            commits.Where(c => c.CommittedAt >= first && c.CommittedAt < second).Concat(extra.Select(e => e.Commit)),
            files.Where(f => committedAt[f.Sha] >= first && committedAt[f.Sha] < second).Concat(extra.SelectMany(e => e.Files)));

        var read = Store.FileRowsRead;
        await CheckAsync(second, "advanced by the batch");
        var batchRows = files.Count(f => committedAt[f.Sha] >= first && committedAt[f.Sha] < second) + 3;
        (Store.FileRowsRead - read).Should().Be(files.Count(f => f.Sha != late.Sha && committedAt[f.Sha] < second) + 3 + batchRows,
            "the whole history once for the expected ledger, and only the batch's file changes for the advanced one");
        var advanced = await SnapshotAsync();
        advanced!.WatermarkAt.Should().BeAfter(first, "the snapshot moved with the batch");

        // As of an instant before the watermark: from history, and the newer snapshot stays.
        await CheckAsync(first.AddDays(-20), "as of an instant before the snapshot");
        (await SnapshotAsync()).Should().Be(advanced);

        // A batch below LedgerSnapshots.RewriteShare: applied, and the snapshot left as it was for the next to apply again.
        _time.Advance(TimeSpan.FromMinutes(1));
        var small = Extra("0000000000000000000000000000000000000003", "Newcomer", "newcomer@example.com", second.AddDays(1),
            Change(FileChangeKind.Modified, "src/new/one.cs"));
        await WriteAsync([small.Commit], small.Files);
        await CheckAsync(second.AddDays(2), "a small batch");
        await CheckAsync(second.AddDays(3), "the small batch applied again");
        (await SnapshotAsync()).Should().Be(advanced);

        // The late commit (committed before the watermark, stored after it) and the rest of the history: rebuilt.
        _time.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(commits.Where(c => c.CommittedAt >= second).Append(late), files.Where(f => f.Sha == late.Sha || committedAt[f.Sha] >= second));
        await CheckAsync(End, "with a late commit");

        // Deleted history (a file change of an old commit) is seen although nothing's changed_at moved.
        _time.Advance(TimeSpan.FromMinutes(1));
        var gone = files.First(f => f.Kind == FileChangeKind.Modified && f.Sha != late.Sha);
        await using (var writer = await Store.BeginWriteAsync(default))
        {
            await writer.DeleteAsync(Entities.FileChanges, [[gone.Repository, gone.Sha, gone.Path]], default);
            await writer.CommitAsync(default);
        }

        await CheckAsync(End.AddDays(1), "after a deletion");

        // Rewritten history: an old commit's file change now says something else.
        _time.Advance(TimeSpan.FromMinutes(1));
        var rewritten = files.First(f => f.Kind == FileChangeKind.Modified && f.Sha != late.Sha && f != gone);
        await WriteAsync([], [rewritten with { Kind = FileChangeKind.Deleted }]);
        await CheckAsync(End.AddDays(2), "after a rewrite");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("eJwLycgsVgCiRIWS1OISAC2hBaM=")]
    public async Task ReadAsync_CorruptSnapshot_RebuildsFromHistory(string state)
    {
        var commits = Commits.Where(c => c.Repository == Repository).ToList();
        await WriteAsync(commits, Files.Where(f => f.Repository == Repository));
        await CheckAsync(End.AddDays(-10), "the first snapshot");
        var snapshot = await SnapshotAsync();
        await using (var writer = await Store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.AuthorshipSnapshots, [snapshot! with { State = state }], default);
            await writer.CommitAsync(default);
        }

        await CheckAsync(End, "a corrupt snapshot is ignored");
        (await SnapshotAsync())!.State.Should().NotBe(state, "the corrupt snapshot is replaced");
    }

    private async Task CheckAsync(DateTimeOffset asOf, string because)
    {
        var people = IdentityResolver.Resolve(Organisation.Value.Identities, [], []);
        var expectedLedger = new AuthorshipLedger(TruckFactorOptions.Default, asOf);
        await StoredHistory.ReadIntoAsync(Store, Repository, asOf, expectedLedger, default);
        var actualLedger = await LedgerSnapshots.ReadAsync(Store, Repository, asOf, TruckFactorOptions.Default, default);

        actualLedger.Commits.Should().Be(expectedLedger.Commits, because);
        var expected = expectedLedger.Build(a => people.Find("git", a));
        var actual = actualLedger.Build(a => people.Find("git", a));
        expected.FileCount.Should().BePositive(because);
        actual.Contributors.Should().Equal(expected.Contributors, because);
        actual.Files.Should().BeEquivalentTo(expected.Files, o => o.WithStrictOrdering(), because);
        actual.Folders().Should().BeEquivalentTo(expected.Folders(), o => o.WithStrictOrdering(), because);
    }

    private Task<AuthorshipSnapshot?> SnapshotAsync() => LedgerSnapshots.FindAsync(Store, Repository, default);

    private async Task WriteAsync(IEnumerable<Commit> commits, IEnumerable<FileChange> files)
    {
        await using var writer = await Store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Commits, commits.ToList(), default);
        await writer.UpsertAsync(Entities.FileChanges, files.ToList(), default);
        await writer.CommitAsync(default);
    }

    private static (Commit Commit, FileChange[] Files) Extra(string sha, string name, string email, DateTimeOffset at, params FileChange[] files) =>
        (new Commit("git", Repository, sha, name, email, at, name, email, at, 1, 1, 0, "extra"), files.Select(f => f with { Sha = sha }).ToArray());

    private static FileChange Change(FileChangeKind kind, string path, string? oldPath = null) =>
        new("git", Repository, "0", path, oldPath, kind, 1, 0);

    private static List<T> Records<T>(EntityMap map) =>
        SimulatedOrganisationWriter.RecordsByEntity(Organisation.Value).Single(e => e.Map == map).Records.Cast<T>().ToList();
}

/// <summary>The equivalence on SQLite.</summary>
public sealed class SqliteLedgerSnapshotTests() : LedgerSnapshotTests(StoreKind.Sqlite);

/// <summary>The equivalence on PostgreSQL.</summary>
public sealed class PostgresLedgerSnapshotTests() : LedgerSnapshotTests(StoreKind.Postgres);
