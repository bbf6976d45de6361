using System.Globalization;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Opsgenie;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Sync;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.Opsgenie;

/// <summary>The Opsgenie collector against the fake Opsgenie on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime (DisposeAsync stops the fake server).
public abstract class OpsgenieSyncTests(StoreKind kind) : StoreBackedSyncTests(kind, s_now)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly OpsgenieFakeServer _og = new();

    public override async Task DisposeAsync()
    {
        await _og.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SyncAsync_FirstRun_ReadsIncidentsOfTheLookbackWithAQueryAndTheGenieKey()
    {
        _og.Incidents.Add(Resolved("i-old", s_now.AddDays(-200)));
        _og.Incidents.Add(Resolved("i-1", s_now.AddDays(-170)));
        _og.Incidents.Add(Resolved("i-2", s_now.AddDays(-1)));

        var result = (await Sync().SyncAsync(false, default)).Single();

        result.Kind.Should().Be(OpsgenieKind.Incidents);
        result.Read.Should().Be(2, "i-old was created before the 180-day look-back");
        result.Since.Should().Be(s_now.AddDays(-180));
        result.Cursor.Should().Be(s_now, "nothing is left open");
        (await ReadAsync(Entities.Incidents)).Select(i => i.SourceId).Should().BeEquivalentTo("incident/i-1", "incident/i-2");
        var listing = _og.Server.Requests.Single();
        listing.Path.Should().Be("/v1/incidents/");
        listing.Authorization.Should().Be($"GenieKey {OpsgenieFakeServer.Key}");
        listing.QueryValue("query").Should().Be($"createdAt >= {s_now.AddDays(-180).ToUnixTimeMilliseconds()} AND createdAt < {s_now.ToUnixTimeMilliseconds()}");
        listing.QueryValue("sort").Should().Be("createdAt");
        listing.QueryValue("order").Should().Be("asc");
    }

    [Fact]
    public async Task SyncAsync_AlertTimesWrittenInTwoZones_ExactToTheSecond()
    {
        // Created 23:58:01.250 at +09:00 (= 14:58:01.250Z); acknowledged 187,000 ms later, closed 2,833,750 ms later.
        var created = new DateTimeOffset(2026, 11, 10, 23, 58, 1, 250, TimeSpan.FromHours(9));
        _og.Alerts.Add(new FakeOpsgenieItem("a-1", created, "closed")
        {
            WireOffset = TimeSpan.FromHours(9),
            AckTime = 187_000,
            CloseTime = 2_833_750,
            AcknowledgedBy = "alice@acme.com",
            ClosedBy = "bob@acme.com",
            Priority = "P1",
            Tags = ["service:payments", "deployment:1500000042"],
        });
        // An incident written at -05:00: opened 21:14:09-05:00 (= 02:14:09Z next day), impact ended 22:01:44-05:00.
        var opened = new DateTimeOffset(2026, 11, 11, 21, 14, 9, TimeSpan.FromHours(-5));
        _og.Incidents.Add(new FakeOpsgenieItem("i-1", opened, "resolved") { WireOffset = TimeSpan.FromHours(-5), ImpactEnd = opened.AddMinutes(47).AddSeconds(35), UpdatedAt = opened.AddDays(2) });

        await Sync(o => o with { Alerts = true }).SyncAsync(false, default);

        var stored = (await ReadAsync(Entities.Incidents)).ToDictionary(i => i.SourceId);
        var alert = stored["alert/a-1"];
        alert.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 14, 58, 1, 250, TimeSpan.Zero));
        // 14:58:01.250 + 3 min 7 s = 15:01:08.250; + 47 min 13.750 s = 15:45:15.000.
        alert.AcknowledgedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 15, 1, 8, 250, TimeSpan.Zero));
        alert.ResolvedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 15, 45, 15, TimeSpan.Zero));
        alert.Should().BeEquivalentTo(new { Status = IncidentStatus.Resolved, Severity = "P1", Service = "payments", DeploymentId = "1500000042" });
        alert.Responders.Should().Equal("alice@acme.com", "bob@acme.com");
        var incident = stored["incident/i-1"];
        incident.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 12, 2, 14, 9, TimeSpan.Zero));
        incident.ResolvedAt.Should().Be(new DateTimeOffset(2026, 11, 12, 3, 1, 44, TimeSpan.Zero), "impactEndDate, not the later updatedAt");
        incident.AcknowledgedAt.Should().BeNull("the incidents API has no acknowledgement");
    }

    [Fact]
    public async Task SyncAsync_MoreAlertsThanTheOffsetCeiling_RestartsFromTheLastCreationAndReadsEveryAlert()
    {
        _og.Ceiling = 10;
        for (var n = 0; n < 23; n++)
        {
            _og.Alerts.Add(new FakeOpsgenieItem($"a{n:00}", s_now.AddHours(-20).AddMinutes(n * 30), "closed") { CloseTime = 60_000 });
        }

        var result = (await Sync(o => o with { Incidents = false, Alerts = true, PageSize = 5, OffsetCeiling = 10, InitialLookback = TimeSpan.FromDays(1) }).SyncAsync(false, default)).Single();

        result.Read.Should().Be(23);
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(23);
        _og.Server.Requests.Should().OnlyContain(r => int.Parse(r.QueryValue("offset")!, CultureInfo.InvariantCulture) + 5 <= 10);
        _og.Server.Requests.Select(r => r.QueryValue("query")).Distinct().Should().HaveCountGreaterThan(1, "the listing restarted from a later creation time");
    }

    [Fact]
    public async Task SyncAsync_ServiceFromTagThenMappedTeamThenDefault()
    {
        _og.Incidents.Add(Resolved("i-tag", s_now.AddDays(-1)) with { Tags = ["Service: Search"], OwnerTeam = "payments-team" });
        _og.Incidents.Add(Resolved("i-team", s_now.AddDays(-1)) with { OwnerTeam = "payments-team" });
        _og.Incidents.Add(Resolved("i-none", s_now.AddDays(-1)));

        await Sync(o => o with { ServiceMap = new Dictionary<string, string> { ["Payments-Team"] = "payments", ["search"] = "search-api" } }).SyncAsync(false, default);

        var services = (await ReadAsync(Entities.Incidents)).ToDictionary(i => i.SourceId, i => i.Service);
        services.Should().Equal(new Dictionary<string, string> { ["incident/i-tag"] = "search-api", ["incident/i-team"] = "payments", ["incident/i-none"] = "unmapped" });
    }

    [Fact]
    public async Task SyncAsync_OpenIncident_ReadAgainUntilItResolves()
    {
        var openedAt = s_now.AddDays(-3);
        _og.Incidents.Add(new FakeOpsgenieItem("i-open", openedAt, "open"));
        _og.Incidents.Add(Resolved("i-old", s_now.AddDays(-10)));

        var first = (await Sync().SyncAsync(false, default)).Single();
        _og.Incidents[0] = _og.Incidents[0] with { Status = "resolved", ImpactEnd = openedAt.AddHours(5) };
        Time.Now = s_now.AddDays(1);
        var second = (await Sync().SyncAsync(false, default)).Single();

        first.Cursor.Should().Be(openedAt);
        second.Since.Should().Be(openedAt);
        second.Read.Should().Be(1);
        second.Changed.Should().Be(1);
        (await ReadAsync(Entities.Incidents)).Single(i => i.SourceId == "incident/i-open").ResolvedAt.Should().Be(openedAt.AddHours(5));
    }

    [Fact]
    public async Task SyncAsync_RateLimitedWithAndWithoutRetryAfter_WaitsThenSucceeds()
    {
        _og.Incidents.Add(Resolved("i-1", s_now.AddDays(-1)));
        _og.Server.Faults.Enqueue(new LoopbackResponse(429, """{"message":"Rate limit exceeded","took":0.0,"requestId":"r1"}""", new Dictionary<string, string> { ["Retry-After"] = "9", ["X-RateLimit-State"] = "THROTTLED" }));
        _og.Server.Faults.Enqueue(new LoopbackResponse(429, """{"message":"Rate limit exceeded","took":0.0,"requestId":"r2"}""", new Dictionary<string, string> { ["X-RateLimit-State"] = "THROTTLED" }));

        await Sync().SyncAsync(false, default);

        // Retry-After 9 s, then (no header) the second back-off step: 1 s × 2.
        Time.Delays.Should().Equal(TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(2));
        (await ReadAsync(Entities.Incidents)).Should().ContainSingle();
    }

    [Fact]
    public async Task SyncAsync_WrongKey_FailsAtOnceSayingWhatWithoutTheKey()
    {
        const string wrong = "genie-wrong-key-000";
        var sync = new OpsgenieSync(Store, new OpsgenieClient(Http, _og.BaseUrl, wrong, Time), new OpsgenieOptions { BaseUrl = _og.BaseUrl }, Time);

        var act = () => sync.SyncAsync(false, default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Message.Should().Contain("GET /v1/incidents/").And.Contain("401").And.Contain("API key was refused").And.Contain("Could not authenticate").And.NotContain(wrong);
        Time.Delays.Should().BeEmpty();
        (await Store.GetCursorAsync("opsgenie", "incidents", default)).Should().BeNull();
    }

    [Fact]
    public async Task SyncAsync_OneResponseInFiveFaultyAndARepeatedRun_SameStoreAsACleanRun()
    {
        for (var n = 0; n < 12; n++)
        {
            var created = s_now.AddDays(-n - 1).AddSeconds(n * 7);
            _og.Incidents.Add(Resolved($"i{n:00}", created) with { Users = [$"u{n % 3}"], Tags = [$"service:s{n % 2}"] });
            _og.Alerts.Add(new FakeOpsgenieItem($"a{n:00}", created.AddMinutes(3), n % 5 == 0 ? "open" : "closed") { AckTime = 61_000 + n, CloseTime = n % 5 == 0 ? null : 3_600_000 });
        }

        OpsgenieSync Configured(IStore store) => new(store, new OpsgenieClient(Http, _og.BaseUrl, OpsgenieFakeServer.Key, Time), Options() with { Alerts = true, PageSize = 5 }, Time);
        await Configured(Store).SyncAsync(false, default);
        var clean = await ReadAsync(Entities.Incidents);
        var again = await Configured(Store).SyncAsync(false, default);

        await using var faulty = await OpenSqliteStoreAsync("faulty.db");
        var faults = new RandomFaults(new LoopbackResponse(429, """{"message":"Rate limit exceeded"}"""), new LoopbackResponse(503, """{"message":"Service unavailable"}"""), LoopbackServer.MalformedJson());
        _og.Server.Override = faults.Next;
        await Configured(faulty).SyncAsync(false, default);

        clean.Should().HaveCount(24);
        again.Sum(r => r.Changed).Should().Be(0, "a repeated run changes nothing");
        (await ReadAsync(Entities.Incidents)).Should().Equal(clean);
        faults.Count.Should().BeGreaterThan(0);
        var incidents = await StoreSnapshot.ReadAllAsync(faulty, Entities.Incidents);
        incidents.Should().Equal(clean);
    }

    [Fact]
    public async Task SyncAsync_FullRefresh_RemovesWhatOpsgenieNoLongerHasAndSaysHowMany()
    {
        _og.Incidents.Add(Resolved("i-1", s_now.AddDays(-3)));
        _og.Incidents.Add(Resolved("i-2", s_now.AddDays(-2)));
        _og.Alerts.Add(new FakeOpsgenieItem("a-1", s_now.AddDays(-2), "closed") { CloseTime = 1000 });
        await Sync(o => o with { Alerts = true }).SyncAsync(false, default);
        _og.Incidents.RemoveAt(0);

        var incremental = await Sync(o => o with { Alerts = true }).SyncAsync(false, default);
        var full = await Sync(o => o with { Alerts = true }).SyncAsync(true, default);

        incremental.Sum(r => r.Removed).Should().Be(0, "an incremental run never removes");
        full.Select(r => (r.Kind, r.Removed)).Should().Equal((OpsgenieKind.Incidents, 1), (OpsgenieKind.Alerts, 0));
        full[0].Since.Should().Be(s_now.AddDays(-180), "a full refresh ignores the cursor");
        (await ReadAsync(Entities.Incidents)).Select(i => i.SourceId).Should().BeEquivalentTo("incident/i-2", "alert/a-1");
    }

    private static FakeOpsgenieItem Resolved(string id, DateTimeOffset created) =>
        new(id, created, "resolved") { ImpactEnd = created.AddHours(1) };

    private static OpsgenieOptions Options() => new();

    private OpsgenieSync Sync(Func<OpsgenieOptions, OpsgenieOptions>? configure = null)
    {
        var options = (configure ?? (o => o))(Options() with { BaseUrl = _og.BaseUrl });
        return new OpsgenieSync(Store, new OpsgenieClient(Http, _og.BaseUrl, OpsgenieFakeServer.Key, Time), options, Time);
    }
}

/// <summary>The Opsgenie collector on SQLite.</summary>
public sealed class SqliteOpsgenieSyncTests() : OpsgenieSyncTests(StoreKind.Sqlite);

/// <summary>The Opsgenie collector on PostgreSQL.</summary>
public sealed class PostgresOpsgenieSyncTests() : OpsgenieSyncTests(StoreKind.Postgres);
