using Analytics.Collectors.HttpApi;
using Analytics.Collectors.PagerDuty;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Sync;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.PagerDuty;

/// <summary>The PagerDuty collector against the fake PagerDuty on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime (DisposeAsync stops the fake server).
public abstract class PagerDutySyncTests(StoreKind kind) : StoreBackedSyncTests(kind, s_now)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly PagerDutyFakeServer _pd = new();

    public override async Task DisposeAsync()
    {
        await _pd.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SyncAsync_FirstRun_ReadsTheLookbackInWindowsWithExplicitOffsets()
    {
        _pd.Incidents.Add(Resolved("P1", s_now.AddDays(-170)));
        _pd.Incidents.Add(Resolved("P2", s_now.AddDays(-2)));

        var result = await Sync().SyncAsync(default);

        // 180 days in windows of at most 30 days: 6 listings.
        result.Windows.Should().Be(6);
        result.Incidents.Should().Be(2);
        var listings = _pd.Server.Requests.Where(r => r.Path == "/incidents").ToList();
        listings.Should().HaveCount(6).And.OnlyContain(r => r.QueryValue("time_zone") == "UTC" && r.QueryValue("since")!.EndsWith('Z') && r.QueryValue("until")!.EndsWith('Z'));
        listings[0].QueryValue("since").Should().Be("2026-05-20T09:00:00Z");
        listings[^1].QueryValue("until").Should().Be("2026-11-16T09:00:00Z");
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(2);
        result.Cursor.Should().Be(s_now, "nothing is left open");
    }

    [Fact]
    public async Task SyncAsync_MoreIncidentsThanTheOffsetCeiling_SplitsTheWindowAndReadsEveryIncident()
    {
        _pd.Ceiling = 10;
        for (var n = 0; n < 23; n++)
        {
            _pd.Incidents.Add(Resolved($"P{n:00}", s_now.AddHours(-20).AddMinutes(n * 30)));
        }

        var result = await Sync(o => o with { OffsetCeiling = 10, PageSize = 5, InitialLookback = TimeSpan.FromDays(1) }).SyncAsync(default);

        result.Incidents.Should().Be(23);
        result.Windows.Should().BeGreaterThan(1);
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(23);
        _pd.Server.Requests.Should().OnlyContain(r => int.Parse(r.QueryValue("offset") ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 5 <= 10);
    }

    [Fact]
    public async Task SyncAsync_LogEntries_GiveTheEarliestAcknowledgeOfEitherSpellingExactToTheSecond()
    {
        var created = new DateTimeOffset(2026, 11, 10, 23, 58, 1, TimeSpan.Zero);
        _pd.Incidents.Add(new FakePagerDutyIncident("PACK", created, "resolved")
        {
            ResolvedAt = created.AddMinutes(47).AddSeconds(13),
            Priority = "P1",
            LogEntries =
            [
                ("resolve_log_entry", created.AddMinutes(47).AddSeconds(13), "U2", []),
                ("acknowledgement_log_entry", created.AddMinutes(5).AddSeconds(30), "U2", []),
                ("acknowledge_log_entry", created.AddMinutes(3).AddSeconds(7), "U1", []),
                ("assign_log_entry", created.AddSeconds(2), null, ["U3"]),
                ("trigger_log_entry", created, null, []),
            ],
        });

        await Sync().SyncAsync(default);

        var incident = (await ReadAsync(Entities.Incidents)).Single();

        // Acknowledged 00:01:08Z the next day (23:58:01 + 3 min 7 s); the account's +09:00 zone is not used because
        // time_zone=UTC is sent, and either way the instant is the same.
        incident.AcknowledgedAt.Should().Be(new DateTimeOffset(2026, 11, 11, 0, 1, 8, TimeSpan.Zero));
        incident.ResolvedAt.Should().Be(new DateTimeOffset(2026, 11, 11, 0, 45, 14, TimeSpan.Zero));
        incident.CreatedAt.Should().Be(created);
        incident.Severity.Should().Be("P1");
        incident.Responders.Should().Equal("U1", "U2", "U3");
        _pd.Server.Requests.Where(r => r.Path.EndsWith("log_entries", StringComparison.Ordinal)).Should().OnlyContain(r => r.QueryValue("time_zone") == "UTC");
    }

    [Fact]
    public async Task SyncAsync_ServiceAndSeverity_MappedByConfigThenByName()
    {
        _pd.Incidents.Add(Resolved("PA", s_now.AddDays(-1)) with { ServiceId = "PSVC1", ServiceName = "Payments API", Urgency = "low" });
        _pd.Incidents.Add(Resolved("PB", s_now.AddDays(-1)) with { ServiceId = "PSVC2", ServiceName = "Search" });
        _pd.Incidents.Add(Resolved("PC", s_now.AddDays(-1)) with { ServiceId = "PSVC3", ServiceName = "checkout" });

        await Sync(o => o with { ServiceMap = new Dictionary<string, string> { ["PSVC1"] = "payments-api", ["Search"] = "search-service" } }).SyncAsync(default);

        var incidents = (await ReadAsync(Entities.Incidents)).ToDictionary(i => i.SourceId);
        incidents["PA"].Service.Should().Be("payments-api");
        incidents["PA"].Severity.Should().Be("low", "without a priority the urgency is the severity");
        incidents["PB"].Service.Should().Be("search-service");
        incidents["PC"].Service.Should().Be("checkout");
        incidents["PC"].Url.Should().Be("https://acme.pagerduty.com/incidents/PC");
    }

    [Fact]
    public async Task SyncAsync_OpenIncident_ReadAgainUntilItResolves()
    {
        var openedAt = s_now.AddDays(-3);
        _pd.Incidents.Add(new FakePagerDutyIncident("POPEN", openedAt, "acknowledged")
        {
            Assignees = ["U7"],
            LogEntries = [("acknowledge_log_entry", openedAt.AddMinutes(4), "U7", [])],
        });
        _pd.Incidents.Add(Resolved("POLD", s_now.AddDays(-10)));

        var first = await Sync().SyncAsync(default);
        first.Cursor.Should().Be(openedAt);

        _pd.Incidents[0] = _pd.Incidents[0] with { Status = "resolved", ResolvedAt = openedAt.AddHours(5) };
        Time.Now = s_now.AddDays(1);
        var second = await Sync().SyncAsync(default);

        second.Since.Should().Be(openedAt);
        second.Incidents.Should().Be(1, "the resolved incident before the open one is not read again");
        second.Changed.Should().Be(1);
        second.Cursor.Should().Be(s_now.AddDays(1));
        var stored = (await ReadAsync(Entities.Incidents)).Single(i => i.SourceId == "POPEN");
        stored.Status.Should().Be(IncidentStatus.Resolved);
        stored.ResolvedAt.Should().Be(openedAt.AddHours(5));
    }

    [Fact]
    public async Task SyncAsync_RateLimitedWithResetHeader_WaitsTheResetThenSucceeds()
    {
        _pd.Incidents.Add(Resolved("P1", s_now.AddDays(-1)));
        _pd.Server.Faults.Enqueue(new LoopbackResponse(429, """{"error":{"message":"Rate Limit Exceeded","code":2020}}""", new Dictionary<string, string> { ["ratelimit-reset"] = "12" }));
        _pd.Server.Faults.Enqueue(LoopbackServer.MalformedJson());

        await Sync().SyncAsync(default);

        Time.Delays.Should().Equal(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(2));
        (await ReadAsync(Entities.Incidents)).Should().ContainSingle();
    }

    [Fact]
    public async Task SyncAsync_PersistentServerError_StoresNothing()
    {
        _pd.Incidents.Add(Resolved("P1", s_now.AddDays(-1)));
        _pd.Server.Override = r => r.Path.EndsWith("log_entries", StringComparison.Ordinal) ? new LoopbackResponse(500, """{"error":{"message":"Internal error","code":2000}}""") : null;

        var act = () => Sync().SyncAsync(default);

        (await act.Should().ThrowAsync<ApiCallException>()).Which.Message.Should().Contain("GET /incidents/P1/log_entries").And.Contain("Internal error");
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(0);
        (await Store.GetCursorAsync("pagerduty", PagerDutySync.Scope, default)).Should().BeNull();
    }

    [Fact]
    public async Task SyncAsync_WrongToken_FailsAtOnceWithoutTheToken()
    {
        const string wrong = "pd-wrong-token-789";
        var sync = new PagerDutySync(Store, new PagerDutyClient(Http, _pd.BaseUrl, wrong, Time), Options(), Time);

        var act = () => sync.SyncAsync(default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Message.Should().Contain("401").And.Contain("Invalid Credentials").And.NotContain(wrong);
        error.Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        Time.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task SyncAsync_OneResponseInFiveFaulty_SameStoreAsACleanRun()
    {
        for (var n = 0; n < 12; n++)
        {
            _pd.Incidents.Add(Resolved($"P{n:00}", s_now.AddDays(-n - 1)) with
            {
                LogEntries = [("acknowledge_log_entry", s_now.AddDays(-n - 1).AddMinutes(n), $"U{n % 3}", []), ("resolve_log_entry", s_now.AddDays(-n - 1).AddHours(1), "U1", [])],
            });
        }

        await Sync(o => o with { PageSize = 5 }).SyncAsync(default);
        var clean = await ReadAsync(Entities.Incidents);

        await using var faulty = await OpenSqliteStoreAsync("faulty.db");
        var faults = new RandomFaults(new LoopbackResponse(429, """{"error":{"message":"Rate Limit Exceeded","code":2020}}"""), LoopbackServer.MalformedJson());
        _pd.Server.Override = faults.Next;
        var client = new PagerDutyClient(Http, _pd.BaseUrl, PagerDutyFakeServer.Token, Time);
        await new PagerDutySync(faulty, client, Options() with { BaseUrl = _pd.BaseUrl, PageSize = 5 }, Time).SyncAsync(default);

        faults.Count.Should().BeGreaterThan(0);
        var incidents = await StoreSnapshot.ReadAllAsync(faulty, Entities.Incidents);
        incidents.Should().HaveCount(12).And.Equal(clean);
    }

    private static FakePagerDutyIncident Resolved(string id, DateTimeOffset created) =>
        new(id, created, "resolved") { ResolvedAt = created.AddHours(1), LogEntries = [("resolve_log_entry", created.AddHours(1), "U1", [])] };

    private static PagerDutyOptions Options() => new();

    private PagerDutySync Sync(Func<PagerDutyOptions, PagerDutyOptions>? configure = null)
    {
        var options = (configure ?? (o => o))(Options() with { BaseUrl = _pd.BaseUrl });
        return new PagerDutySync(Store, new PagerDutyClient(Http, _pd.BaseUrl, PagerDutyFakeServer.Token, Time), options, Time);
    }
}

/// <summary>The PagerDuty collector on SQLite.</summary>
public sealed class SqlitePagerDutySyncTests() : PagerDutySyncTests(StoreKind.Sqlite);

/// <summary>The PagerDuty collector on PostgreSQL.</summary>
public sealed class PostgresPagerDutySyncTests() : PagerDutySyncTests(StoreKind.Postgres);
