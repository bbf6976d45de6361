using System.Globalization;
using System.Text;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Jira;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Sync;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.Jira;

/// <summary>The Jira collector against the fake Jira Cloud on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime (DisposeAsync stops the fake server).
public abstract class JiraSyncTests(StoreKind kind) : StoreBackedSyncTests(kind, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly DateTimeOffset s_monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly JiraFakeServer _jira = new();

    public override async Task DisposeAsync()
    {
        await _jira.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SyncAsync_IssuesOverSeveralPages_StoresEveryIssueAndTheLatestUpdateAsCursor()
    {
        for (var n = 1; n <= 8; n++)
        {
            _jira.Issues.Add(Issue(n, s_monday.AddHours(n)));
        }

        var result = (await Sync().SyncAsync(default)).Single();

        // 8 issues, at most 3 per page: pages of 3, 3 and 2.
        _jira.Server.Requests.Count(r => r.Path == "/rest/api/3/search/jql").Should().Be(3);
        result.Issues.Should().Be(8);
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(8);
        result.Cursor.Should().Be(s_monday.AddHours(8));
        (await Store.GetCursorAsync("jira", "project:PAY", default)).Should().NotBeNull();
        var archived = new List<string>();
        await foreach (var payload in Store.ReadRawPayloadsAsync("jira", default))
        {
            archived.Add(payload.RequestKey);
        }

        // The status list, three search pages and one bulk changelog page.
        archived.Should().HaveCount(5).And.Contain("GET /rest/api/3/status");
        _jira.SearchedJql.First().Should().Be("(project = \"PAY\") ORDER BY updated ASC");
    }

    [Fact]
    public async Task SyncAsync_HistoryLongerThanTheEmbeddedChangelog_StoresEveryTransitionFromTheBulkChangelog()
    {
        var issue = Issue(1, s_monday.AddDays(3));
        var status = "1";
        for (var n = 0; n < 25; n++)
        {
            var next = status == "1" ? "3" : status == "3" ? "10001" : "1";
            issue.Histories.Add(new FakeJiraHistory((20_000 + n).ToString(CultureInfo.InvariantCulture), s_monday.AddMinutes(n * 10), "dev-1", status, next));
            status = next;
        }

        _jira.Issues.Add(issue with { StatusId = status });

        var result = (await Sync().SyncAsync(default)).Single();

        // 25 histories, 4 per bulk page: 7 pages.
        _jira.Server.Requests.Count(r => r.Path == "/rest/api/3/changelog/bulkfetch").Should().Be(7);
        result.Transitions.Should().Be(25);
        var transitions = await ReadAsync(Entities.TicketTransitions);
        transitions.Should().HaveCount(25);
        transitions.Should().OnlyContain(t => t.TicketKey == "PAY-1" && t.Author == "dev-1");
        var first = transitions.Single(t => t.ChangeId == "20000");
        first.Should().BeEquivalentTo(new { FromStatus = "To Do", ToStatus = "In Progress", FromCategory = (StatusCategory?)StatusCategory.ToDo, ToCategory = StatusCategory.InProgress, At = s_monday });
        transitions.Single(t => t.ChangeId == "20001").ToCategory.Should().Be(StatusCategory.InProgress, "Blocked is in the indeterminate category");
        transitions.Single(t => t.ChangeId == "20002").ToCategory.Should().Be(StatusCategory.ToDo);
    }

    [Fact]
    public async Task SyncAsync_StatusHistory_ReproducesHandComputedCycleAndBlockedTime()
    {
        // Times sent at +0100: Monday 10:00 In Progress, 14:00 Blocked, Tuesday 11:00 In Progress, 16:00 Done.
        var plus1 = TimeSpan.FromHours(1);
        var start = new DateTimeOffset(2026, 11, 2, 10, 0, 0, plus1);
        var issue = Issue(1, start.AddDays(1).AddHours(7)) with { StatusId = "5", Resolved = start.AddDays(1).AddHours(6) };
        issue.Histories.AddRange(
        [
            new("1", start, "dev-1", "1", "3"),
            new("2", start.AddHours(4), "dev-1", "3", "10001"),
            new("3", start.AddDays(1).AddHours(1), "dev-2", "10001", "3"),
            new("4", start.AddDays(1).AddHours(6), "dev-2", "3", "5"),
        ]);
        _jira.Issues.Add(issue);

        await Sync().SyncAsync(default);

        var transitions = (await ReadAsync(Entities.TicketTransitions)).OrderBy(t => t.At).ToList();
        var cycle = transitions.Last(t => t.ToCategory == StatusCategory.Done).At - transitions.First(t => t.ToCategory == StatusCategory.InProgress).At;
        var blocked = transitions.Single(t => t.FromStatus == "Blocked").At - transitions.Single(t => t.ToStatus == "Blocked").At;

        // Cycle: first In Progress Monday 10:00+01 = 09:00Z to Done Tuesday 16:00+01 = 15:00Z: 24 h + 6 h = 30 h.
        // Blocked: Monday 14:00+01 = 13:00Z to Tuesday 11:00+01 = 10:00Z: 11 h + 10 h = 21 h.
        cycle.Should().Be(TimeSpan.FromHours(30));
        blocked.Should().Be(TimeSpan.FromHours(21));
        transitions[0].At.Should().Be(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task SyncAsync_SecondRun_SearchesFromTheCursorLessTheOverlapAndStoresOnlyChanges()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        _jira.Issues.Add(Issue(2, s_monday.AddDays(5)));
        await Sync().SyncAsync(default);

        var changedIssue = Issue(2, s_monday.AddDays(6)) with { StatusId = "3" };
        changedIssue.Histories.Add(new FakeJiraHistory("900", s_monday.AddDays(6), "dev-1", "1", "3"));
        _jira.Issues[1] = changedIssue;
        var second = (await Sync().SyncAsync(default)).Single();

        // The cursor was PAY-2's update, Saturday 7 Nov 09:00Z; less one day of overlap.
        _jira.SearchedJql.Last().Should().Be("(project = \"PAY\") AND updated >= \"2026-11-06 09:00\" ORDER BY updated ASC");
        second.Issues.Should().Be(1, "PAY-1 was updated before the window");
        second.Changed.Should().Be(2, "PAY-2's ticket changed and it has one new transition");
        second.Cursor.Should().Be(s_monday.AddDays(6));
        (await ReadAsync(Entities.Tickets)).Single(t => t.Key == "PAY-2").Category.Should().Be(StatusCategory.InProgress);
    }

    [Fact]
    public async Task SyncAsync_RepeatedRun_ChangesNothing()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        await Sync().SyncAsync(default);

        var again = (await Sync().SyncAsync(default)).Single();

        again.Changed.Should().Be(0);
    }

    [Fact]
    public async Task SyncAsync_OffsetWithoutColon_StoredToTheMillisecond()
    {
        var created = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-7));
        _jira.Issues.Add(Issue(1, created.AddHours(1)) with { Created = created });

        await Sync().SyncAsync(default);

        var ticket = (await ReadAsync(Entities.Tickets)).Single();
        ticket.CreatedAt.Should().Be(created);
        ticket.CreatedAt.UtcDateTime.Should().Be(new DateTime(2024, 1, 2, 10, 4, 5, 678, DateTimeKind.Utc));
    }

    [Fact]
    public async Task SyncAsync_CustomFields_MappedByTheConfiguredIds()
    {
        _jira.Issues.Add(Issue(1, s_monday) with { Points = 5, Sprints = ["Sprint 41", "Sprint 42"], Assignee = "acc-9", Priority = "High" });

        await Sync().SyncAsync(default);

        var ticket = (await ReadAsync(Entities.Tickets)).Single();
        ticket.Should().BeEquivalentTo(new { StoryPoints = (double?)5, Sprint = "Sprint 42", Assignee = "acc-9", Priority = "High", Project = "PAY", Type = "Story", Reporter = "reporter-1" });
        ticket.Labels.Should().Equal("backend");
    }

    [Fact]
    public async Task SyncAsync_IncidentIssueType_AlsoStoredAsIncident()
    {
        var opened = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.FromHours(2));
        var incident = new FakeJiraIssue("500", "PAY-50", "Incident", "5", opened, opened.AddHours(3))
        {
            Priority = "Highest",
            Service = "payments-api",
            Assignee = "oncall-1",
            Resolved = opened.AddHours(2),
            Histories =
            [
                new("71", opened.AddMinutes(7), "oncall-1", "1", "3"),
                new("72", opened.AddHours(2), "oncall-2", "3", "5"),
            ],
        };
        _jira.Issues.Add(incident);
        _jira.Issues.Add(Issue(1, s_monday));

        var result = (await Sync().SyncAsync(default)).Single();

        result.Incidents.Should().Be(1);
        var stored = (await ReadAsync(Entities.Incidents)).Single();
        stored.Should().BeEquivalentTo(new
        {
            Source = "jira",
            SourceId = "PAY-50",
            Service = "payments-api",
            Severity = "Highest",
            Status = IncidentStatus.Resolved,
            CreatedAt = opened,
            AcknowledgedAt = (DateTimeOffset?)opened.AddMinutes(7),
            ResolvedAt = (DateTimeOffset?)opened.AddHours(2),
        });
        stored.Responders.Should().Equal("oncall-1", "oncall-2");
        stored.Url.Should().Be(new Uri(_jira.BaseUrl, "browse/PAY-50").ToString());
    }

    [Fact]
    public async Task SyncAsync_IncidentDeploymentLinks_FieldWinsOverLabelAndOrdinaryIssuesStayUnlinked()
    {
        var opened = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        _jira.Issues.Add(new FakeJiraIssue("601", "PAY-61", "Incident", "1", opened, opened) { Labels = ["Deployment: 77"] });
        _jira.Issues.Add(new FakeJiraIssue("602", "PAY-62", "Incident", "1", opened, opened) { Labels = ["deployment:77"], DeploymentField = " 88 " });
        _jira.Issues.Add(new FakeJiraIssue("603", "PAY-63", "Incident", "1", opened, opened));

        await Sync().SyncAsync(default);

        var links = (await ReadAsync(Entities.Incidents)).ToDictionary(i => i.SourceId, i => i.DeploymentId);
        links.Should().Equal(new Dictionary<string, string?> { ["PAY-61"] = "77", ["PAY-62"] = "88", ["PAY-63"] = null });
    }

    [Fact]
    public async Task SyncAsync_FullRefresh_RemovesIssuesGoneUpstreamWithTheirTransitionsAndIncidentsInOneTransaction()
    {
        var opened = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero);
        var keep = Issue(1, s_monday);
        keep.Histories.Add(new FakeJiraHistory("11", s_monday.AddMinutes(1), "dev-1", "1", "3"));
        var gone = new FakeJiraIssue("2", "PAY-2", "Incident", "3", opened, opened) { Histories = [new("21", opened.AddMinutes(5), "oncall", "1", "3")] };
        _jira.Issues.AddRange([keep with { StatusId = "3" }, gone]);
        await Sync().SyncAsync(default);
        _jira.Issues.RemoveAt(1);

        var incremental = (await Sync().SyncAsync(false, default)).Single();
        var counts = (await Store.CountAsync(Entities.Tickets, default), await Store.CountAsync(Entities.Incidents, default));
        var full = (await Sync().SyncAsync(true, default)).Single();

        incremental.Removed.Should().Be(0, "an incremental run never removes");
        counts.Should().Be((2, 1));
        // PAY-2's ticket, its one transition and its incident.
        full.Removed.Should().Be(3);
        _jira.SearchedJql.Last().Should().Be("(project = \"PAY\") ORDER BY updated ASC", "a full refresh ignores the cursor");
        (await ReadAsync(Entities.Tickets)).Select(t => t.Key).Should().Equal("PAY-1");
        (await ReadAsync(Entities.TicketTransitions)).Select(t => t.ChangeId).Should().Equal("11");
        (await Store.CountAsync(Entities.Incidents, default)).Should().Be(0);
    }

    [Fact]
    public async Task SyncAsync_FullRefreshOfAJqlScope_RemovesNothing()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        _jira.Issues.Add(Issue(2, s_monday));
        var options = Options() with { BaseUrl = _jira.BaseUrl, Projects = [], Jql = new Dictionary<string, string> { ["ops"] = "labels = ops" } };
        JiraSync JqlSync() => new(Store, new JiraClient(Http, _jira.BaseUrl, JiraFakeServer.Email, JiraFakeServer.Token, Time), options, Time);
        await JqlSync().SyncAsync(default);
        _jira.Issues.RemoveAt(1);

        var full = (await JqlSync().SyncAsync(true, default)).Single();

        // A JQL scope cannot tell which stored tickets it covered: removing by project could delete another scope's.
        full.Removed.Should().Be(0);
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(2);
    }

    [Fact]
    public async Task SyncAsync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        _jira.Server.Faults.Enqueue(null);
        _jira.Server.Faults.Enqueue(LoopbackServer.TooManyRequests(7));

        await Sync().SyncAsync(default);

        Time.Delays.Should().Equal(TimeSpan.FromSeconds(7));
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(1);
    }

    [Fact]
    public async Task SyncAsync_ServerErrorThenMalformedJson_BacksOffAndSucceeds()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        _jira.Server.Faults.Enqueue(null);
        _jira.Server.Faults.Enqueue(LoopbackServer.ServerError());
        _jira.Server.Faults.Enqueue(LoopbackServer.MalformedJson());

        await Sync().SyncAsync(default);

        // Exponential back-off from 1 s: 1 s, then 2 s.
        Time.Delays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(1);
    }

    [Fact]
    public async Task SyncAsync_PersistentFailure_LeavesTheScopeAsItWas()
    {
        _jira.Issues.Add(Issue(1, s_monday));
        await Sync().SyncAsync(default);
        var cursor = await Store.GetCursorAsync("jira", "project:PAY", default);
        var changed = Issue(1, s_monday.AddDays(1)) with { Summary = "Renamed", StatusId = "3" };
        changed.Histories.Add(new FakeJiraHistory("77", s_monday.AddDays(1), "dev-1", "1", "3"));
        _jira.Issues[0] = changed;
        _jira.Server.Override = r => r.Path.EndsWith("bulkfetch", StringComparison.Ordinal) ? new LoopbackResponse(503, "") : null;

        var act = () => Sync().SyncAsync(default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Message.Should().Contain("POST /rest/api/3/changelog/bulkfetch").And.Contain("5 attempts").And.Contain("503");
        (await ReadAsync(Entities.Tickets)).Single().Title.Should().Be("Something to do");
        (await Store.CountAsync(Entities.TicketTransitions, default)).Should().Be(0);
        (await Store.GetCursorAsync("jira", "project:PAY", default)).Should().Be(cursor);
    }

    [Fact]
    public async Task SyncAsync_WrongToken_FailsAtOnceWithoutTheToken()
    {
        const string wrong = "wrong-token-xyz";
        var client = new JiraClient(Http, _jira.BaseUrl, JiraFakeServer.Email, wrong, Time);
        var sync = new JiraSync(Store, client, Options(), Time);

        var act = () => sync.SyncAsync(default);

        var error = (await act.Should().ThrowAsync<ApiCallException>()).Which;
        error.Message.Should().Contain("401").And.Contain("Client must be authenticated");
        error.Message.Should().NotContain(wrong).And.NotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JiraFakeServer.Email}:{wrong}")));
        Time.Delays.Should().BeEmpty("a refusal is not retried");
    }

    [Fact]
    public async Task SyncAsync_SearchGone_ReportsTheRetiredEndpoint()
    {
        _jira.Server.Override = r => r.Path.EndsWith("search/jql", StringComparison.Ordinal) ? new LoopbackResponse(410, """{"errorMessages":["removed"]}""") : null;

        var act = () => Sync().SyncAsync(default);

        (await act.Should().ThrowAsync<ApiCallException>()).Which.Message.Should().Contain("410").And.Contain("/rest/api/3/search/jql");
    }

    [Fact]
    public async Task SyncAsync_UnknownStatusInHistory_FailsNamingTheIssueAndChange()
    {
        var issue = Issue(1, s_monday);
        issue.Histories.Add(new FakeJiraHistory("31", s_monday, "dev-1", "1", "3"));
        _jira.Issues.Add(issue);
        _jira.Server.Override = r => r.Path.EndsWith("/status", StringComparison.Ordinal) ? new LoopbackResponse(200, "[]") : null;

        var act = () => Sync().SyncAsync(default);

        (await act.Should().ThrowAsync<SourceDataException>()).Which.Message.Should().Contain("PAY-1: changelog 31").And.Contain("To Do");
        (await Store.CountAsync(Entities.Tickets, default)).Should().Be(0);
    }

    [Fact]
    public async Task SyncAsync_OneResponseInFiveFaulty_SameStoreAsACleanRun()
    {
        for (var n = 1; n <= 10; n++)
        {
            var issue = Issue(n, s_monday.AddHours(n));
            issue.Histories.Add(new FakeJiraHistory($"{n}01", s_monday.AddMinutes(n), "dev-1", "1", "3"));
            issue.Histories.Add(new FakeJiraHistory($"{n}02", s_monday.AddMinutes(n + 30), "dev-2", "3", "10001"));
            _jira.Issues.Add(issue with { StatusId = "10001" });
        }

        await Sync().SyncAsync(default);
        var clean = await StoreSnapshot.ReadAsync(Store);

        await using var faulty = await OpenSqliteStoreAsync("faulty.db");
        var faults = new RandomFaults(LoopbackServer.TooManyRequests(1), LoopbackServer.ServerError(), LoopbackServer.MalformedJson());
        _jira.Server.Override = faults.Next;
        var client = new JiraClient(Http, _jira.BaseUrl, JiraFakeServer.Email, JiraFakeServer.Token, Time);
        await new JiraSync(faulty, client, Options() with { BaseUrl = _jira.BaseUrl }, Time).SyncAsync(default);

        faults.Count.Should().BeGreaterThan(0);
        var afterFaults = await StoreSnapshot.ReadAsync(faulty);
        afterFaults.ShouldEqual(clean);
        afterFaults.Transitions.Should().HaveCount(20);
    }

    private static FakeJiraIssue Issue(int n, DateTimeOffset updated) =>
        new(n.ToString(CultureInfo.InvariantCulture), $"PAY-{n}", "Story", "1", updated.AddDays(-1), updated);

    private static JiraOptions Options() => new()
    {
        BaseUrl = new Uri("http://unused.invalid"),
        Projects = ["PAY"],
        StoryPointsField = JiraFakeServer.StoryPointsField,
        SprintField = JiraFakeServer.SprintField,
        IncidentIssueTypes = ["incident"],
        IncidentServiceField = JiraFakeServer.ServiceField,
        IncidentDeploymentField = JiraFakeServer.DeploymentField,
    };

    private JiraSync Sync()
    {
        var options = Options() with { BaseUrl = _jira.BaseUrl };
        return new JiraSync(Store, new JiraClient(Http, _jira.BaseUrl, JiraFakeServer.Email, JiraFakeServer.Token, Time), options, Time);
    }
}

/// <summary>The Jira collector on SQLite.</summary>
public sealed class SqliteJiraSyncTests() : JiraSyncTests(StoreKind.Sqlite);

/// <summary>The Jira collector on PostgreSQL.</summary>
public sealed class PostgresJiraSyncTests() : JiraSyncTests(StoreKind.Postgres);
