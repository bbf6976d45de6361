using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Jira;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Sync;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.Jira;

/// <summary>The Jira collector against the fake Jira Data Center (REST v2) on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime (DisposeAsync stops the fake server).
public abstract class JiraDataCenterSyncTests(StoreKind kind) : StoreBackedSyncTests(kind, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly DateTimeOffset s_monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly JiraFakeServer _jira = new(dataCenter: true);

    public override async Task DisposeAsync()
    {
        await _jira.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SyncAsync_IssuesOverSeveralPages_PagesByStartAtUpToTheTotal()
    {
        for (var n = 1; n <= 8; n++)
        {
            var issue = Issue(n, s_monday.AddHours(n));
            issue.Histories.Add(new FakeJiraHistory($"{n}01", s_monday.AddMinutes(n), "dev-1", "1", "3"));
            _jira.Issues.Add(issue with { StatusId = "3" });
        }

        var result = (await Sync().SyncAsync(default)).Single();

        // 8 issues, at most 3 per page: startAt 0, 3 and 6; the third page reaches total = 8.
        var searches = _jira.Server.Requests.Where(r => r.Path == "/rest/api/2/search").Select(r => JsonNode.Parse(r.Body)!).ToList();
        searches.Select(b => b["startAt"]!.GetValue<int>()).Should().Equal(0, 3, 6);
        searches.Should().OnlyContain(b => b["expand"]![0]!.GetValue<string>() == "changelog");
        searches[0]["jql"]!.GetValue<string>().Should().Be("(project = \"PAY\") ORDER BY created ASC, key ASC");
        _jira.Server.Requests.Should().NotContain(r => r.Path.Contains("/api/3/", StringComparison.Ordinal), "Data Center has no REST v3 search or bulk changelog");
        result.Issues.Should().Be(8);
        result.Transitions.Should().Be(8);
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(8);
        var transition = (await ReadAsync(Entities.TicketTransitions)).Single(t => t.ChangeId == "101");
        transition.Should().BeEquivalentTo(new { TicketKey = "PAY-1", Author = "dev-1", FromStatus = "To Do", ToStatus = "In Progress", ToCategory = StatusCategory.InProgress });
    }

    [Fact]
    public async Task SyncAsync_StatusHistoryAtPlus0530_ReproducesHandComputedCycleAndBlockedTime()
    {
        // Sent at +0530: Mon 09:30 In Progress, 13:15 Blocked, Tue 10:00 In Progress, Wed 18:45 Done.
        var ist = new TimeSpan(5, 30, 0);
        var issue = Issue(1, new DateTimeOffset(2026, 11, 4, 19, 0, 0, ist)) with { StatusId = "5", Resolved = new DateTimeOffset(2026, 11, 4, 18, 45, 0, ist) };
        issue.Histories.AddRange(
        [
            new("1", new DateTimeOffset(2026, 11, 2, 9, 30, 0, ist), "dev-1", "1", "3"),
            new("2", new DateTimeOffset(2026, 11, 2, 13, 15, 0, ist), "dev-1", "3", "10001"),
            new("3", new DateTimeOffset(2026, 11, 3, 10, 0, 0, ist), "dev-2", "10001", "3"),
            new("4", new DateTimeOffset(2026, 11, 4, 18, 45, 0, ist), "dev-2", "3", "5"),
        ]);
        _jira.Issues.Add(issue);

        await Sync().SyncAsync(default);

        var transitions = (await ReadAsync(Entities.TicketTransitions)).OrderBy(t => t.At).ToList();
        var cycle = transitions.Last(t => t.ToCategory == StatusCategory.Done).At - transitions.First(t => t.ToCategory == StatusCategory.InProgress).At;
        var blocked = transitions.Single(t => t.FromStatus == "Blocked").At - transitions.Single(t => t.ToStatus == "Blocked").At;

        // Cycle: Mon 09:30+05:30 = 04:00Z to Wed 18:45+05:30 = 13:15Z: 2 days 9 h 15 min = 57 h 15 min.
        // Blocked: Mon 13:15+05:30 = 07:45Z to Tue 10:00+05:30 = 04:30Z: 20 h 45 min.
        cycle.Should().Be(new TimeSpan(57, 15, 0));
        blocked.Should().Be(new TimeSpan(20, 45, 0));
        transitions[0].At.Should().Be(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task SyncAsync_EmbeddedChangelogCutShort_ReadsTheIssueAloneForTheWholeHistory()
    {
        _jira.InlineChangelogCap = 2;
        var issue = Issue(1, s_monday.AddDays(1));
        var status = "1";
        for (var n = 0; n < 5; n++)
        {
            var next = status == "1" ? "3" : "1";
            issue.Histories.Add(new FakeJiraHistory((700 + n).ToString(CultureInfo.InvariantCulture), s_monday.AddMinutes(n * 5), "dev-1", status, next));
            status = next;
        }

        _jira.Issues.Add(issue with { StatusId = status });
        _jira.Issues.Add(Issue(2, s_monday.AddDays(1)));

        var result = (await Sync().SyncAsync(default)).Single();

        result.Transitions.Should().Be(5);
        _jira.Server.Requests.Where(r => r.Path.StartsWith("/rest/api/2/issue/", StringComparison.Ordinal)).Select(r => r.Path)
            .Should().Equal(["/rest/api/2/issue/PAY-1"], "PAY-2's embedded changelog was complete");
    }

    [Fact]
    public async Task SyncAsync_IncidentWithDeploymentLabel_StoredWithUserNamesAndTheLink()
    {
        var opened = new DateTimeOffset(2026, 11, 3, 22, 10, 5, TimeSpan.FromHours(-8));
        _jira.Issues.Add(new FakeJiraIssue("500", "PAY-50", "Incident", "5", opened, opened.AddHours(3))
        {
            Assignee = "jsmith",
            Service = "payments",
            Labels = ["sev1", "deployment:1500000042"],
            Resolved = opened.AddHours(1).AddSeconds(17),
            Histories = [new("71", opened.AddMinutes(4).AddSeconds(9), "jsmith", "1", "3"), new("72", opened.AddHours(1).AddSeconds(17), "jsmith", "3", "5")],
        });

        await Sync().SyncAsync(default);

        var incident = (await ReadAsync(Entities.Incidents)).Single();
        // Opened 22:10:05-08:00 = 06:10:05Z the next day; acknowledged 4 min 9 s later; resolved 1 h 0 min 17 s later.
        incident.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 4, 6, 10, 5, TimeSpan.Zero));
        incident.AcknowledgedAt.Should().Be(new DateTimeOffset(2026, 11, 4, 6, 14, 14, TimeSpan.Zero));
        incident.ResolvedAt.Should().Be(new DateTimeOffset(2026, 11, 4, 7, 10, 22, TimeSpan.Zero));
        incident.Responders.Should().Equal("jsmith");
        incident.DeploymentId.Should().Be("1500000042");
        incident.Status.Should().Be(IncidentStatus.Resolved);
    }

    [Fact]
    public async Task SyncAsync_WrongToken_FailsAtOnceSayingThePersonalAccessTokenWasRefused()
    {
        const string wrong = "dc-wrong-token-000";
        var sync = new JiraSync(Store, JiraClient.ForDataCenter(Http, _jira.BaseUrl, wrong, Time), Options(), Time);

        var act = () => sync.SyncAsync(default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("GET /rest/api/2/status").And.Contain("401").And.Contain("personal access token was refused")
            .And.Contain("You are not authenticated").And.NotContain(wrong);
        Time.Delays.Should().BeEmpty("a refusal is not retried");
    }

    [Fact]
    public async Task SyncAsync_Forbidden_FailsSayingWhatToCheckAndStoresNothing()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        _jira.Server.Override = r => r.Path == "/rest/api/2/search"
            ? new LoopbackResponse(403, """{"errorMessages":["CAPTCHA_CHALLENGE; login-url=https://jira.acme.com/login.jsp"],"errors":{}}""")
            : null;

        var act = () => Sync().SyncAsync(default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Status.Should().Be(System.Net.HttpStatusCode.Forbidden);
        error.Message.Should().Contain("POST /rest/api/2/search").And.Contain("403").And.Contain("may not browse this project").And.Contain("CAPTCHA");
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(0);
    }

    [Fact]
    public async Task SyncAsync_CloudOptionsWithADataCenterClient_Refused()
    {
        var sync = new JiraSync(Store, JiraClient.ForDataCenter(Http, _jira.BaseUrl, JiraFakeServer.PersonalAccessToken, Time), Options() with { Flavor = JiraFlavor.Cloud }, Time);

        var act = () => sync.SyncAsync(default);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Cloud*DataCenter*");
    }

    [Fact]
    public async Task SyncAsync_OneResponseInFiveFaultyAndARepeatedRun_SameStoreAsACleanRun()
    {
        for (var n = 1; n <= 10; n++)
        {
            var issue = Issue(n, s_monday.AddHours(n));
            issue.Histories.Add(new FakeJiraHistory($"{n}01", s_monday.AddMinutes(n), "dev-1", "1", "3"));
            issue.Histories.Add(new FakeJiraHistory($"{n}02", s_monday.AddMinutes(n + 30), "dev-2", "3", "10001"));
            _jira.Issues.Add(issue with { StatusId = "10001", Type = n % 4 == 0 ? "Incident" : "Story" });
        }

        await Sync().SyncAsync(default);
        var clean = await StoreSnapshot.ReadAsync(Store);
        var again = (await Sync().SyncAsync(default)).Single();

        await using var faulty = await OpenSqliteStoreAsync("faulty.db");
        var faults = new RandomFaults(LoopbackServer.TooManyRequests(1), LoopbackServer.ServerError(), LoopbackServer.MalformedJson());
        _jira.Server.Override = faults.Next;
        await new JiraSync(faulty, JiraClient.ForDataCenter(Http, _jira.BaseUrl, JiraFakeServer.PersonalAccessToken, Time), Options() with { BaseUrl = _jira.BaseUrl }, Time).SyncAsync(default);

        again.Changed.Should().Be(0, "a repeated run changes nothing");
        faults.Count.Should().BeGreaterThan(0);
        clean.Tickets.Should().HaveCount(10);
        clean.Transitions.Should().HaveCount(20);
        clean.Incidents.Should().HaveCount(2, "PAY-4 and PAY-8 are incidents");
        foreach (var other in new[] { await StoreSnapshot.ReadAsync(Store), await StoreSnapshot.ReadAsync(faulty) })
        {
            other.ShouldEqual(clean);
        }
    }

    private static FakeJiraIssue Issue(int n, DateTimeOffset updated) =>
        new(n.ToString(CultureInfo.InvariantCulture), $"PAY-{n}", "Story", "1", updated.AddDays(-1), updated);

    private static JiraOptions Options() => new()
    {
        Flavor = JiraFlavor.DataCenter,
        BaseUrl = new Uri("http://unused.invalid"),
        Projects = ["PAY"],
        StoryPointsField = JiraFakeServer.StoryPointsField,
        SprintField = JiraFakeServer.SprintField,
        IncidentIssueTypes = ["incident"],
        IncidentServiceField = JiraFakeServer.ServiceField,
    };

    private JiraSync Sync() =>
        new(Store, JiraClient.ForDataCenter(Http, _jira.BaseUrl, JiraFakeServer.PersonalAccessToken, Time), Options() with { BaseUrl = _jira.BaseUrl }, Time);
}

/// <summary>The Jira Data Center collector on SQLite.</summary>
public sealed class SqliteJiraDataCenterSyncTests() : JiraDataCenterSyncTests(StoreKind.Sqlite);

/// <summary>The Jira Data Center collector on PostgreSQL.</summary>
public sealed class PostgresJiraDataCenterSyncTests() : JiraDataCenterSyncTests(StoreKind.Postgres);
