using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Statuspage;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Sync;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.Statuspage;

/// <summary>The Statuspage collector against the fake Statuspage on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime (DisposeAsync stops the fake server).
public abstract class StatuspageSyncTests(StoreKind kind) : StoreBackedSyncTests(kind, s_now)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly StatuspageFakeServer _sp = new();

    public override async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SyncAsync_TimesSentAtMinus0700_CreatedIdentifiedResolvedExactToTheSecond()
    {
        // Every time goes on the wire at -07:00. Created 08:15:42-07:00 (= 15:15:42Z); the first "identified" update was
        // posted 15:31:09Z but is displayed at 15:29:00Z; a second identified update comes later; resolved_at is
        // 19:02:17+02:00 = 17:02:17Z (sent as 10:02:17-07:00).
        var created = new DateTimeOffset(2026, 11, 10, 8, 15, 42, TimeSpan.FromHours(-7));
        _sp.Pages["pg1"].Add(new FakeStatuspageIncident("inc1", created, "resolved")
        {
            WireOffset = TimeSpan.FromHours(-7),
            Impact = "major",
            Components = ["Payments API"],
            ResolvedAt = new DateTimeOffset(2026, 11, 10, 19, 2, 17, TimeSpan.FromHours(2)),
            Updates =
            [
                ("investigating", created, null),
                ("identified", new DateTimeOffset(2026, 11, 10, 15, 31, 9, TimeSpan.Zero), new DateTimeOffset(2026, 11, 10, 15, 29, 0, TimeSpan.Zero)),
                ("identified", new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), null),
                ("resolved", new DateTimeOffset(2026, 11, 10, 17, 2, 17, TimeSpan.Zero), null),
            ],
        });

        var result = (await Sync().SyncAsync(false, default)).Single();

        result.Incidents.Should().Be(1);
        var incident = (await ReadAsync(Entities.Incidents)).Single();
        incident.SourceId.Should().Be("pg1/inc1");
        incident.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 15, 15, 42, TimeSpan.Zero));
        incident.AcknowledgedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 15, 29, 0, TimeSpan.Zero), "the first identified update, at the time the page displays");
        incident.ResolvedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 17, 2, 17, TimeSpan.Zero));
        incident.Should().BeEquivalentTo(new { Status = IncidentStatus.Resolved, Severity = "major", Service = "Payments API", Url = "https://stspg.io/inc1" });
        _sp.Server.Requests.Single().Authorization.Should().Be($"OAuth {StatuspageFakeServer.Key}");
    }

    [Fact]
    public async Task SyncAsync_SeveralPagesAndMaintenances_ReadsToTheShortPageSpacedOneSecondApartAndLeavesMaintenancesOut()
    {
        for (var n = 0; n < 7; n++)
        {
            _sp.Pages["pg1"].Add(Resolved($"i{n}", s_now.AddDays(-n - 1)));
        }

        _sp.Pages["pg1"].Add(new FakeStatuspageIncident("m1", s_now.AddDays(-2).AddHours(1), "completed") { ScheduledFor = s_now.AddDays(-1) });

        var result = (await Sync(o => o with { PageSize = 3 }).SyncAsync(false, default)).Single();

        // 8 items, 3 a page: pages 1, 2 (full) and 3 (short).
        _sp.Server.Requests.Select(r => r.QueryValue("page")).Should().Equal("1", "2", "3");
        Time.Delays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        result.Should().BeEquivalentTo(new { Incidents = 7, Maintenances = 1, Removed = 0 });
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(7);
    }

    [Fact]
    public async Task SyncAsync_SecondRun_StopsAtTheCursorButRereadsTheOpenIncident()
    {
        _sp.Pages["pg1"].Add(Resolved("old", s_now.AddDays(-30)));
        _sp.Pages["pg1"].Add(new FakeStatuspageIncident("open", s_now.AddDays(-10), "identified") { Updates = [("identified", s_now.AddDays(-10).AddMinutes(3), null)] });
        for (var n = 0; n < 4; n++)
        {
            _sp.Pages["pg1"].Add(Resolved($"new{n}", s_now.AddDays(-n - 1)));
        }

        var first = (await Sync(o => o with { PageSize = 2 }).SyncAsync(false, default)).Single();
        _sp.Server.Requests.Clear();
        _sp.Pages["pg1"][1] = _sp.Pages["pg1"][1] with { Status = "resolved", ResolvedAt = s_now.AddDays(-9) };
        var second = (await Sync(o => o with { PageSize = 2 }).SyncAsync(false, default)).Single();

        first.Cursor.Should().Be(s_now.AddDays(-10), "the open incident's creation");
        // Newest first, two a page: [new0, new1], [new2, new3], [open, old]: the third page reaches the cursor.
        _sp.Server.Requests.Select(r => r.QueryValue("page")).Should().Equal("1", "2", "3");
        second.Changed.Should().Be(1);
        second.Cursor.Should().Be(s_now.AddDays(-1), "nothing is open: the newest creation");
        (await ReadAsync(Entities.Incidents)).Single(i => i.SourceId == "pg1/open").Status.Should().Be(IncidentStatus.Resolved);
    }

    [Fact]
    public async Task SyncAsync_WrongKey_FailsAtOnceSayingWhatWithoutTheKey()
    {
        const string wrong = "sp-wrong-key";
        var sync = new StatuspageSync(Store, new StatuspageClient(Http, _sp.BaseUrl, wrong, Time, TimeSpan.FromSeconds(1)), Options(), Time);

        var act = () => sync.SyncAsync(false, default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Message.Should().Contain("GET /pages/pg1/incidents").And.Contain("401").And.Contain("OAuth").And.Contain("Could not authenticate").And.NotContain(wrong);
    }

    [Fact]
    public async Task SyncAsync_UnknownPage_FailsNamingTheSetting()
    {
        var act = () => Sync(o => o with { PageIds = ["nope"] }).SyncAsync(false, default);

        (await act.Should().ThrowAsync<ApiCallException>()).Which.Message.Should().Contain("404").And.Contain("Statuspage:PageIds");
    }

    [Fact]
    public async Task SyncAsync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        _sp.Pages["pg1"].Add(Resolved("i1", s_now.AddDays(-1)));
        _sp.Server.Faults.Enqueue(new LoopbackResponse(429, """{"error":"Rate limit exceeded"}""", new Dictionary<string, string> { ["Retry-After"] = "4" }));

        await Sync().SyncAsync(false, default);

        Time.Delays.Should().Equal(TimeSpan.FromSeconds(4));
        (await ReadAsync(Entities.Incidents)).Should().ContainSingle();
    }

    [Fact]
    public async Task SyncAsync_OneResponseInFiveFaultyAndARepeatedRun_SameStoreAsACleanRun()
    {
        _sp.Pages["pg2"] = [];
        for (var n = 0; n < 12; n++)
        {
            _sp.Pages[n % 2 == 0 ? "pg1" : "pg2"].Add(Resolved($"i{n:00}", s_now.AddDays(-n - 1).AddSeconds(n)) with
            {
                Components = [$"c{n % 3}"],
                Updates = [("identified", s_now.AddDays(-n - 1).AddMinutes(n), null)],
            });
        }

        StatuspageSync Configured(IStore store) => new(store, new StatuspageClient(Http, _sp.BaseUrl, StatuspageFakeServer.Key, Time, TimeSpan.FromSeconds(1)), Options() with { PageIds = ["pg1", "pg2"], PageSize = 2 }, Time);
        await Configured(Store).SyncAsync(false, default);
        var clean = await ReadAsync(Entities.Incidents);
        var again = await Configured(Store).SyncAsync(false, default);

        await using var faulty = await OpenSqliteStoreAsync("faulty.db");
        var faults = new RandomFaults(new LoopbackResponse(429, """{"error":"Rate limit exceeded"}"""), new LoopbackResponse(502, "<html>Bad gateway</html>"), new LoopbackResponse(200, """[{"id": """));
        _sp.Server.Override = faults.Next;
        await Configured(faulty).SyncAsync(false, default);

        clean.Should().HaveCount(12);
        again.Sum(r => r.Changed).Should().Be(0);
        faults.Count.Should().BeGreaterThan(0);
        var stored = await StoreSnapshot.ReadAllAsync(faulty, Entities.Incidents);
        stored.Should().Equal(clean);
        (await ReadAsync(Entities.Incidents)).Should().Equal(clean);
    }

    [Fact]
    public async Task SyncAsync_FullRefresh_RemovesIncidentsThePageNoLongerListsAndSaysHowMany()
    {
        _sp.Pages["pg2"] = [Resolved("other", s_now.AddDays(-2))];
        _sp.Pages["pg1"].Add(Resolved("keep", s_now.AddDays(-2)));
        _sp.Pages["pg1"].Add(Resolved("gone", s_now.AddDays(-3)));
        await Sync(o => o with { PageIds = ["pg1", "pg2"] }).SyncAsync(false, default);
        _sp.Pages["pg1"].RemoveAll(i => i.Id == "gone");

        var full = await Sync(o => o with { PageIds = ["pg1"] }).SyncAsync(true, default);

        full.Single().Removed.Should().Be(1);
        (await ReadAsync(Entities.Incidents)).Select(i => i.SourceId).Should().BeEquivalentTo("pg1/keep", "pg2/other");
    }

    private static FakeStatuspageIncident Resolved(string id, DateTimeOffset created) =>
        new(id, created, "resolved") { ResolvedAt = created.AddHours(1) };

    private static StatuspageOptions Options() => new() { PageIds = ["pg1"] };

    private StatuspageSync Sync(Func<StatuspageOptions, StatuspageOptions>? configure = null)
    {
        var options = (configure ?? (o => o))(Options() with { BaseUrl = _sp.BaseUrl });
        return new StatuspageSync(Store, new StatuspageClient(Http, _sp.BaseUrl, StatuspageFakeServer.Key, Time, options.MinInterval), options, Time);
    }
}

/// <summary>The Statuspage collector on SQLite.</summary>
public sealed class SqliteStatuspageSyncTests() : StatuspageSyncTests(StoreKind.Sqlite);

/// <summary>The Statuspage collector on PostgreSQL.</summary>
public sealed class PostgresStatuspageSyncTests() : StatuspageSyncTests(StoreKind.Postgres);
