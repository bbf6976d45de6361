using System.Text;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.Testing;
using Analytics.Domain.Work;
using Analytics.Storage.Schema;
using Analytics.Testing;
using Analytics.Testing.Time;

namespace Analytics.Storage.Tests;

/// <summary>What every store must do. Each test opens a fresh, empty store.</summary>
public abstract partial class StoreContractTests
{
    protected FakeTimeProvider Time { get; } = new(SampleRecords.T0.AddDays(30));

    protected abstract Task<IStore> OpenStoreAsync();

    [Fact]
    public async Task Upsert_EveryEntity_ReadsBackEqualRecords()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Full.Concat(SampleRecords.Sparse));

        foreach (var map in Entities.All)
        {
            var expected = SampleRecords.Full.Concat(SampleRecords.Sparse).Where(r => r.GetType() == map.RecordType).ToList();
            var actual = await ReadAllAsync(store, map);
            actual.Should().HaveCount(expected.Count, $"{map.Name} should round-trip");
            foreach (var record in expected)
            {
                actual.Should().Contain(record, $"{map.Name} record should be equal by value");
            }
        }
    }

    [Fact]
    public async Task Upsert_SameRecordsTwice_SecondChangesNothing()
    {
        await using var store = await OpenStoreAsync();
        var first = await WriteAsync(store, SampleRecords.Full);
        var before = await ChangedAtAsync(store);
        Time.Advance(TimeSpan.FromHours(1));

        var second = await WriteAsync(store, SampleRecords.Full);

        first.Changed.Should().Be(SampleRecords.Full.Count);
        second.Should().Be(new UpsertResult(SampleRecords.Full.Count, 0));
        (await ChangedAtAsync(store)).Should().Equal(before);
    }

    [Fact]
    public async Task Upsert_ChangedRecord_ReplacesItAndMovesChangedAt()
    {
        await using var store = await OpenStoreAsync();
        var pr = SampleRecords.Full.OfType<PullRequest>().Single();
        await WriteAsync(store, [pr]);
        Time.Advance(TimeSpan.FromHours(1));

        var result = await WriteAsync(store, [pr with { Title = "Renamed", Labels = ValueList.Of("bug") }]);

        result.Changed.Should().Be(1);
        var stored = await ReadAllAsync(store, Entities.PullRequests);
        stored.Should().ContainSingle().Which.Should().Be(pr with { Title = "Renamed", Labels = ValueList.Of("bug") });
        (await ChangedAtAsync(store)).Should().ContainSingle().Which.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task Upsert_DuplicateKeysInOneBatch_LastWins()
    {
        await using var store = await OpenStoreAsync();
        var pr = SampleRecords.Full.OfType<PullRequest>().Single();

        await using (var writer = await store.BeginWriteAsync(default))
        {
            var result = await writer.UpsertAsync(Entities.PullRequests, [pr, pr with { Title = "second" }], default);
            result.Received.Should().Be(2);
            await writer.CommitAsync(default);
        }

        (await ReadAllAsync(store, Entities.PullRequests)).Should().ContainSingle().Which.Should().Be(pr with { Title = "second" });
    }

    [Fact]
    public async Task Writer_DisposedWithoutCommit_KeepsNothingOfTheTransaction()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Sparse);

        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.PullRequests, SampleRecords.Full.OfType<PullRequest>().ToList(), default);
            await writer.SetCursorAsync("github", "acme/api", "cursor-2", default);
        }

        (await ReadAllAsync(store, Entities.PullRequests)).Should().Equal(SampleRecords.Sparse.OfType<PullRequest>());
        (await store.GetCursorAsync("github", "acme/api", default)).Should().BeNull();
    }

    [Fact]
    public async Task SetCursor_CommittedWithRecords_ReadBackAndMovesOn()
    {
        await using var store = await OpenStoreAsync();
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Repositories, SampleRecords.Full.OfType<Repository>().ToList(), default);
            await writer.SetCursorAsync("github", "acme/api", "2026-03-02T00:00:00Z", default);
            await writer.CommitAsync(default);
        }

        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.SetCursorAsync("github", "acme/api", "2026-03-03T00:00:00Z", default);
            await writer.CommitAsync(default);
        }

        (await store.GetCursorAsync("github", "acme/api", default)).Should().Be("2026-03-03T00:00:00Z");
        (await store.GetCursorAsync("github", "acme/other", default)).Should().BeNull();
        (await store.CountAsync(Entities.Repositories, default)).Should().Be(1);
    }

    [Fact]
    public async Task Archive_Payload_ReadsBackIdenticalBytes()
    {
        await using var store = await OpenStoreAsync();
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"number\":7,\"title\":\"x\"},", 500)));
        var payload = new RawPayload("github", "GET /repos/acme/api/pulls?page=1", SampleRecords.T0, "application/json", body);
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.ArchiveAsync(payload, default);
            await writer.ArchiveAsync(payload with { RequestKey = "GET /repos/acme/api/pulls?page=2", Body = [1, 2, 3] }, default);
            await writer.CommitAsync(default);
        }

        var read = await store.GetRawPayloadAsync("github", payload.RequestKey, default);

        read.Should().NotBeNull();
        read!.Body.Should().Equal(body);
        read.FetchedAt.Should().Be(payload.FetchedAt);
        read.ContentType.Should().Be("application/json");
        var all = new List<RawPayload>();
        await foreach (var p in store.ReadRawPayloadsAsync("github", default))
        {
            all.Add(p);
        }

        all.Select(p => p.RequestKey).Should().Equal("GET /repos/acme/api/pulls?page=1", "GET /repos/acme/api/pulls?page=2");
        (await store.GetRawPayloadAsync("jira", payload.RequestKey, default)).Should().BeNull();
    }

    [Fact]
    public async Task Read_WithFiltersAndOrder_ReturnsMatchingRecordsInOrder()
    {
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<PullRequest>().Single();
        var prs = Enumerable.Range(1, 6)
            .Select(n => template with
            {
                SourceId = $"acme/{(n % 2 == 0 ? "api" : "web")}#{n}",
                Repository = n % 2 == 0 ? "acme/api" : "acme/web",
                Number = n,
                CreatedAt = SampleRecords.At(-n),
            })
            .ToList();
        await WriteAsync(store, prs);

        var query = StoreQuery.All
            .Where("repository", "acme/api")
            .Since("created_at", SampleRecords.At(-5))
            .Before("created_at", SampleRecords.At(-1))
            .OrderedBy("created_at");
        var found = new List<PullRequest>();
        await foreach (var pr in store.ReadAsync(Entities.PullRequests, query, default))
        {
            found.Add(pr);
        }

        // Of api PRs 2, 4, 6 (created at -2h, -4h, -6h), those in [-5h, -1h) are 4 then 2, oldest first.
        found.Select(p => p.Number).Should().Equal(4, 2);
        var act = () => store.ReadAsync(Entities.PullRequests, StoreQuery.All.Where("nope", 1), default).GetAsyncEnumerator().MoveNextAsync().AsTask();
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*no column 'nope'*");
    }

    [Fact]
    public async Task Read_WhereInAndSeveralOrderColumns_ReturnsMatchingRecordsInThatOrder()
    {
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<PullRequest>().Single();
        var repositories = new[] { "acme/api", "acme/web", "acme/ops" };
        var prs = Enumerable.Range(1, 6)
            .Select(n => template with
            {
                SourceId = $"{repositories[n % 3]}#{n}",
                Repository = repositories[n % 3],
                Number = n,
                CreatedAt = SampleRecords.At(-(n % 2)),
            })
            .ToList();
        await WriteAsync(store, prs);

        var query = StoreQuery.All.WhereIn("repository", ["acme/web", "acme/ops"]).OrderedBy("repository", "created_at");
        var found = new List<PullRequest>();
        await foreach (var pr in store.ReadAsync(Entities.PullRequests, query, default))
        {
            found.Add(pr);
        }

        // web holds 1 (-1h) and 4 (0h), ops holds 2 (0h) and 5 (-1h); api (3, 6) is left out. By repository
        // (acme/ops before acme/web), then oldest first: 5, 2, 1, 4.
        found.Select(p => p.Number).Should().Equal(5, 2, 1, 4);

        var none = new List<PullRequest>();
        await foreach (var pr in store.ReadAsync(Entities.PullRequests, StoreQuery.All.WhereIn("repository", []), default))
        {
            none.Add(pr);
        }

        none.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_ByKey_RemovesOnlyThatRecord()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Full.Concat(SampleRecords.Sparse));

        await using (var writer = await store.BeginWriteAsync(default))
        {
            var deleted = await writer.DeleteAsync(Entities.PullRequests, [["github", "acme/api#8"], ["github", "acme/api#404"]], default);
            deleted.Should().Be(1);
            await writer.CommitAsync(default);
        }

        (await ReadAllAsync(store, Entities.PullRequests)).Cast<PullRequest>().Select(p => p.Number).Should().Equal(7);
    }

    [Fact]
    public async Task Delete_DomainRows_RecordsTheDeletionForTheSignalCache()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Full.Concat(SampleRecords.Sparse));
        var pr = (await ReadAllAsync(store, Entities.PullRequests)).Cast<PullRequest>().Single(p => p.Number == 8);

        Time.Advance(TimeSpan.FromMinutes(5));
        await using (var writer = await store.BeginWriteAsync(default))
        {
            (await writer.DeleteAsync(Entities.PullRequests, [["github", "acme/api#8"]], default)).Should().Be(1);
            (await writer.DeleteAsync(Entities.Incidents, [["pagerduty", "no-such-incident"]], default)).Should().Be(0);
            await writer.CommitAsync(default);
        }

        // The earliest of the deleted pull request's instants (created, updated, merged, closed) is its creation.
        var earliest = new[] { pr.CreatedAt, pr.UpdatedAt, pr.MergedAt, pr.ClosedAt }.Where(t => t is not null).Min()!.Value;
        var deletions = new List<Caching.StoreDeletion>();
        await foreach (var deletion in store.ReadAsync(Entities.StoreDeletions, StoreQuery.All, default))
        {
            deletions.Add(deletion);
        }

        // (The sample tickets' inserts were recorded as rewrites when they were written: EntityMap.RewritesIgnoring.)
        deletions.Where(d => d.DeletedAt == Time.GetUtcNow()).Should().Equal(new Caching.StoreDeletion("pull_requests", Time.GetUtcNow(), earliest, 1));
    }

    [Fact]
    public async Task Upsert_ChangingAnIncidentsLinkedDeployment_RecordsTheFormerRowAsDeleted()
    {
        // An incident's link decides which deployment its failure counts for (EntityMap.MovedBy): re-linked or unlinked,
        // the former row is logged as deleted for the signal cache. Linking one that named nothing, or writing it again
        // unchanged, logs nothing: no window counted it through a link.
        await using var store = await OpenStoreAsync();
        var created = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        Incident Incident(string id, string? deployment) =>
            new("pagerduty", id, "Checkout down", "api", "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
                ValueList<string>.Empty, deployment, null);
        await WriteAsync(store, [Incident("I1", "D1"), Incident("I2", null), Incident("I3", "D3"), Incident("I4", "D4")]);

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Incident("I1", "D1"), Incident("I2", "D2"), Incident("I5", "D5")]);
        (await DeletionsAsync(store)).Should().BeEmpty();

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Incident("I1", "D9"), Incident("I3", null), Incident("I4", "D4")]);
        (await DeletionsAsync(store)).Should().Equal(new Caching.StoreDeletion("incidents", Time.GetUtcNow(), created, 2));
        (await ReadAllAsync(store, Entities.Incidents)).Cast<Incident>().Select(i => i.DeploymentId).Should().Equal("D9", "D2", null, "D4", "D5");
    }

    [Fact]
    public async Task Upsert_MovingAnIncidentToAnotherService_RecordsTheFormerRowAsDeleted()
    {
        // An incident's service decides which team it counts for (EntityMap.MovedBy): moved to another service, the former
        // row is logged as deleted for the signal cache, which would otherwise recompute only the new service's team.
        await using var store = await OpenStoreAsync();
        var created = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        Incident Incident(string id, string service) =>
            new("pagerduty", id, "Checkout down", service, "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
                ValueList<string>.Empty, null, null);
        await WriteAsync(store, [Incident("I1", "api"), Incident("I2", "api")]);

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Incident("I1", "api"), Incident("I2", "web")]);

        (await DeletionsAsync(store)).Should().Equal(new Caching.StoreDeletion("incidents", Time.GetUtcNow(), created, 1));
        (await ReadAllAsync(store, Entities.Incidents)).Cast<Incident>().Select(i => i.Service).Should().Equal("api", "web");
    }

    [Fact]
    public async Task Upsert_MovingATicketTransitionInTime_RecordsTheFormerRowAsDeleted()
    {
        // A transition's instant bounds where its ticket's resolution can lie (EntityMap.MovedBy): moved to another
        // instant, the former row is logged as deleted, since the signal cache places a changed transition from the
        // ticket's history before its new instant only. A status renamed at the same instant, a new transition, or the
        // same instant again with ticks the store does not keep, logs nothing.
        await using var store = await OpenStoreAsync();
        var at = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        TicketTransition Move(string id, DateTimeOffset when, string status) =>
            new("jira", "PAY-1", id, when, "To Do", status, StatusCategory.ToDo, StatusCategory.InProgress, null);
        await WriteAsync(store, [Move("1", at, "In Progress"), Move("2", at.AddDays(1), "In Progress")]);

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Move("1", at.AddTicks(3), "Doing"), Move("3", at.AddDays(2), "In Progress")]);
        (await DeletionsAsync(store)).Should().BeEmpty();

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Move("2", at.AddDays(3), "In Progress")]);
        (await DeletionsAsync(store)).Should().Equal(new Caching.StoreDeletion("ticket_transitions", Time.GetUtcNow(), at.AddDays(1), 1));
        (await ReadAllAsync(store, Entities.TicketTransitions)).Cast<TicketTransition>().Select(t => (t.ChangeId, t.At, t.ToStatus))
            .Should().Equal(("1", at, "Doing"), ("2", at.AddDays(3), "In Progress"), ("3", at.AddDays(2), "In Progress"));
    }

    [Fact]
    public async Task Upsert_ATicketNewOrChangedBeyondItsStatus_RecordsTheRowAsDeleted()
    {
        // A ticket counts where its transitions put its resolution (EntityMap.RewritesIgnoring): the signal cache places
        // a changed ticket by them, so the store records an insert, or a change to anything but the status its
        // transitions decide (status, category, resolution, last update), as the row deleted from its earliest instant, under
        // the name of the tickets' rewrites (apart from real deletions: the rows are still there).
        await using var store = await OpenStoreAsync();
        var created = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        Ticket Ticket(string key, StatusCategory category, string? assignee, double? points, DateTimeOffset createdAt) =>
            new("jira", key, "PAY", "Story", key, category.ToString(), category, createdAt, createdAt.AddDays(30),
                category == StatusCategory.Done ? createdAt.AddDays(30) : null, points, null, assignee, null, null, null, ValueList<string>.Empty);
        await WriteAsync(store, [Ticket("PAY-1", StatusCategory.ToDo, "alice", null, created), Ticket("PAY-2", StatusCategory.ToDo, "alice", null, created.AddDays(1))]);
        (await DeletionsAsync(store)).Should().Equal(new Caching.StoreDeletion("tickets/rewritten", Time.GetUtcNow(), created, 2));

        Time.Advance(TimeSpan.FromMinutes(5));
        var statusOnly = Time.GetUtcNow();
        await WriteAsync(store, [Ticket("PAY-1", StatusCategory.Done, "alice", null, created), Ticket("PAY-2", StatusCategory.ToDo, "alice", null, created.AddDays(1))]);
        (await DeletionsAsync(store)).Should().NotContain(d => d.DeletedAt == statusOnly);

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Ticket("PAY-1", StatusCategory.Done, "alice", 3, created), Ticket("PAY-2", StatusCategory.ToDo, "bob", null, created.AddDays(1))]);
        (await DeletionsAsync(store)).Should().HaveCount(2).And.Contain(new Caching.StoreDeletion("tickets/rewritten", Time.GetUtcNow(), created, 2));

        Time.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(store, [Ticket("PAY-2", StatusCategory.ToDo, "bob", null, created.AddDays(-3))]);
        (await DeletionsAsync(store)).Should().Contain(new Caching.StoreDeletion("tickets/rewritten", Time.GetUtcNow(), created.AddDays(-3), 1));
    }

    [Fact]
    public async Task ReadDistinct_AColumnOverall_AndWithinAValue_GivesEachValueOnceInOrder()
    {
        // Test results of two repositories, one test twice in one of them: the loose index scan gives each value once.
        await using var store = await OpenStoreAsync();
        var at = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        TestResult Result(string repository, string test, string run) =>
            new("github", repository, test, run, 1, "build", 0, "abc", "main", TestOutcome.Passed, TimeSpan.FromSeconds(1), at, null);
        await WriteAsync(store, [Result("acme/web", "B::b", "1"), Result("acme/api", "C::c", "1"), Result("acme/api", "A::a", "1"), Result("acme/api", "A::a", "2")]);

        (await store.ReadDistinctAsync(Entities.TestResults, "repository", null, null, default)).Should().Equal("acme/api", "acme/web");
        (await store.ReadDistinctAsync(Entities.TestResults, "test_id", "repository", "acme/api", default)).Should().Equal("A::a", "C::c");
        (await store.ReadDistinctAsync(Entities.TestResults, "test_id", "repository", "acme/none", default)).Should().BeEmpty();
    }

    private static async Task<List<Caching.StoreDeletion>> DeletionsAsync(IStore store)
    {
        var deletions = new List<Caching.StoreDeletion>();
        await foreach (var deletion in store.ReadAsync(Entities.StoreDeletions, StoreQuery.All, default))
        {
            deletions.Add(deletion);
        }

        return deletions;
    }

    [Fact]
    public async Task Read_ChangedSince_ReturnsOnlyRecordsChangedFromThen()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Full.Concat(SampleRecords.Sparse));
        var prs = (await ReadAllAsync(store, Entities.PullRequests)).Cast<PullRequest>().ToList();

        Time.Advance(TimeSpan.FromMinutes(5));
        var since = Time.GetUtcNow();
        await WriteAsync(store, prs.Select(p => p.Number == 7 ? p with { Title = p.Title + " (edited)" } : p));

        var changed = new List<PullRequest>();
        await foreach (var pr in store.ReadAsync(Entities.PullRequests, StoreQuery.All.ChangedSince(since), default))
        {
            changed.Add(pr);
        }

        changed.Select(p => p.Number).Should().Equal(7);
    }

    [Fact]
    public async Task Open_Twice_KeepsDataAndSchemaVersion()
    {
        await using (var store = await OpenStoreAsync())
        {
            await WriteAsync(store, SampleRecords.Full);
        }

        await using var reopened = await ReopenStoreAsync();
        (await reopened.GetSchemaVersionAsync(default)).Should().Be(Sql.Migrator.Shipped[^1].Version);
        (await reopened.CountAsync(Entities.Incidents, default)).Should().Be(1);
    }

    [Fact]
    public async Task Upsert_SubMicrosecondInstants_AreStoredAtMicrosecondPrecision()
    {
        await using var store = await OpenStoreAsync();
        var pr = SampleRecords.Full.OfType<PullRequest>().Single();
        var precise = pr with { UpdatedAt = pr.UpdatedAt.AddTicks(7) };

        await WriteAsync(store, [precise]);
        var again = await WriteAsync(store, [precise]);

        (await ReadAllAsync(store, Entities.PullRequests)).Should().ContainSingle().Which.Should().Be(pr);
        again.Changed.Should().Be(0);
    }

    [Fact]
    public async Task WriterRead_InsideTheTransaction_SeesItsOwnUncommittedWrites()
    {
        await using var store = await OpenStoreAsync();
        var repository = SampleRecords.Full.OfType<Repository>().Single();

        await using var writer = await store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Repositories, [repository], default);
        var seen = new List<Repository>();
        await foreach (var r in writer.ReadAsync(Entities.Repositories, null, default))
        {
            seen.Add(r);
        }

        seen.Should().Equal(repository);
        (await store.CountAsync(Entities.Repositories, default)).Should().Be(0, "other connections must not see uncommitted writes");
    }

    [Fact]
    public async Task Lock_TwoWritersReadModifyWrite_NeverLoseAnUpdate()
    {
        // Each writer reads a counter (a repository's default branch "n") and writes n + 1 under the same lock. Without the
        // lock both could read 0 and write 1; with it the result is always 2 (the second waits for the first's commit).
        await using var store = await OpenStoreAsync();
        var counter = SampleRecords.Full.OfType<Repository>().Single() with { DefaultBranch = "0" };
        await WriteAsync(store, [counter]);

        async Task IncrementAsync()
        {
            await using var writer = await store.BeginWriteAsync(default);
            await writer.LockAsync("counter", default);
            var current = 0;
            await foreach (var r in writer.ReadAsync(Entities.Repositories, null, default))
            {
                current = int.Parse(r.DefaultBranch, System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(50);
            await writer.UpsertAsync(Entities.Repositories, [counter with { DefaultBranch = (current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }], default);
            await writer.CommitAsync(default);
        }

        await Task.WhenAll(Task.Run(IncrementAsync), Task.Run(IncrementAsync));

        (await ReadAllAsync(store, Entities.Repositories)).Cast<Repository>().Single().DefaultBranch.Should().Be("2");
    }

    /// <summary>Opens the same store again (same file or database).</summary>
    [Fact]
    public async Task Upsert_TicketComponentsAndIncidentPostmortem_ReadBackEqual()
    {
        // The columns added by migration 0005 (components, postmortem_url, postmortem_at) round-trip like the others.
        await using var store = await OpenStoreAsync();
        var ticket = (Ticket)SampleRecords.Full.Single(r => r is Ticket) with { Components = ValueList.Of("checkout", "web") };
        var incident = (Incident)SampleRecords.Full.Single(r => r is Incident) with { PostmortemUrl = "https://wiki/pm/Q1", PostmortemAt = SampleRecords.At(60) };
        await WriteAsync(store, [ticket, incident]);

        (await ReadAllAsync(store, Entities.Tickets)).Should().Equal(ticket);
        (await ReadAllAsync(store, Entities.Incidents)).Should().Equal(incident);
    }

    protected abstract Task<IStore> ReopenStoreAsync();

    /// <summary>Runs <paramref name="sql"/> on the store's database outside the store (to put it back to an older schema).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    [Fact]
    public async Task Open_StoreOfThePreviousVersion_AppliesTheLatestMigrationAndKeepsData()
    {
        // A store written by the previous release: the latest migration's tables and indexes dropped, its record gone.
        await using (var store = await OpenStoreAsync())
        {
            await WriteAsync(store, SampleRecords.Full);
        }

        var latest = Sql.Migrator.Shipped[^1];
        var undo = new StringBuilder();
        foreach (var line in latest.Script.Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^CREATE (TABLE|INDEX) (\w+)") is { Success: true } created)
            {
                // An index goes with its table: IF EXISTS, as the table may have been dropped before it.
                undo.Append(System.Globalization.CultureInfo.InvariantCulture, $"DROP {created.Groups[1].Value} IF EXISTS {created.Groups[2].Value};\n");
            }
        }

        undo.Append(System.Globalization.CultureInfo.InvariantCulture, $"DELETE FROM schema_migrations WHERE version = {latest.Version};");
        await ExecuteSqlAsync(undo.ToString());

        await using var reopened = await ReopenStoreAsync();
        (await reopened.GetSchemaVersionAsync(default)).Should().Be(latest.Version);
        (await reopened.CountAsync(Entities.Incidents, default)).Should().Be(1);
        (await reopened.CountAsync(Entities.SignalCacheEntries, default)).Should().Be(0);
        var changed = 0;
        await foreach (var _ in reopened.ReadAsync(Entities.PullRequests, StoreQuery.All.ChangedSince(Time.GetUtcNow().AddDays(-1)), default))
        {
            changed++;
        }

        changed.Should().Be(1, "the records written before the migration keep their changed_at");

        // Migration 0016 (the latest when written) built the blocks of the results stored before it.
        var results = SampleRecords.Full.OfType<TestResult>().Where(r => r.Repository == "acme/api").ToList();
        results.Should().NotBeEmpty();
        (await TestHistoriesAsync(reopened, [.. results.Select(r => r.TestId).Distinct()], DateTimeOffset.UnixEpoch, Time.GetUtcNow(), "acme/api"))
            .Should().BeEquivalentTo(results.Select(r => r with { Message = null }));
    }

    protected async Task<UpsertResult> WriteAsync(IStore store, IEnumerable<object> records)
    {
        var total = default(UpsertResult);
        await using var writer = await store.BeginWriteAsync(default);
        foreach (var group in records.GroupBy(r => r.GetType()))
        {
            var map = Entities.All.Single(m => m.RecordType == group.Key);
            total += await UpsertAsync(writer, (dynamic)map, group.ToList());
        }

        await writer.CommitAsync(default);
        return total;
    }

    private static Task<UpsertResult> UpsertAsync<T>(IStoreWriter writer, EntityMap<T> map, List<object> records)
        where T : class =>
        writer.UpsertAsync(map, records.Cast<T>().ToList(), default);

    protected static async Task<List<object>> ReadAllAsync(IStore store, EntityMap map)
    {
        var records = new List<object>();
        await foreach (var values in store.ReadValuesAsync(map, null, default))
        {
            records.Add(map.CreateRecord(new Row(map, values)));
        }

        return records;
    }

    private static async Task<List<DateTimeOffset>> ChangedAtAsync(IStore store)
    {
        // changed_at is bookkeeping, not part of any entity map: the store exposes it to tests only.
        var list = new List<DateTimeOffset>();
        await foreach (var instant in ((Analytics.Storage.Sql.SqlStore)store).ReadChangedAtAsync(default))
        {
            list.Add(instant);
        }

        return list;
    }
}
