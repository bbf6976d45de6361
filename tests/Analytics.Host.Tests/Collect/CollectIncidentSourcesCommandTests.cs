using System.Text.Json;

namespace Analytics.Host.Tests.Collect;

/// <summary><c>analytics collect jira</c> and <c>collect pagerduty</c> against canned servers on 127.0.0.1.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class CollectIncidentSourcesCommandTests : IAsyncLifetime
{
    private const string JiraToken = "cli-jira-token-secret";
    private const string PagerDutyToken = "cli-pd-token-secret";
    private readonly CliHarness _cli = new();
    private readonly CannedHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task CollectJira_FakeSite_StoresIssuesAndTransitionsAndReportsThem()
    {
        ConfigureJira();
        _server.Responses["/rest/api/3/status"] = (200, """[{"id":"1","name":"To Do","statusCategory":{"key":"new"}},{"id":"3","name":"In Progress","statusCategory":{"key":"indeterminate"}}]""");
        _server.Responses["/rest/api/3/search/jql"] = (200, """
            {"isLast":true,"issues":[{"id":"10","key":"PAY-1","fields":{"summary":"Pay","status":{"id":"3","name":"In Progress","statusCategory":{"key":"indeterminate"}},
             "created":"2026-11-02T09:00:00.000+0100","updated":"2026-11-03T10:00:00.000+0100","issuetype":{"name":"Story"},"project":{"key":"PAY"}}}]}
            """);
        _server.Responses["/rest/api/3/changelog/bulkfetch"] = (200, """
            {"issueChangeLogs":[{"issueId":"10","changeHistories":[{"id":"5","created":"2026-11-03T10:00:00.000+0100","author":{"accountId":"a1"},
             "items":[{"field":"status","fieldId":"status","from":"1","fromString":"To Do","to":"3","toString":"In Progress"}]}]}]}
            """);

        var result = await _cli.RunAsync("collect", "jira");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("project:PAY: 1 issues, 1 transitions, 0 incidents read; 2 records new or changed");
        _server.Authorizations.Should().OnlyContain(a => a!.StartsWith("Basic ", StringComparison.Ordinal));

        var again = await _cli.RunAsync("collect", "jira", "--json");
        again.ExitCode.Should().Be(0, again.Error);
        var scope = JsonDocument.Parse(again.Output).RootElement[0];
        scope.GetProperty("changed").GetInt32().Should().Be(0, "the second run finds nothing new");
    }

    [Fact]
    public async Task CollectJira_DataCenterFlavor_UsesRestV2WithTheTokenAsBearerAndNoEmail()
    {
        ConfigureJira();
        _cli.Variables["ANALYTICS__JIRA__FLAVOR"] = "datacenter";
        _cli.Variables.Remove("JIRA_EMAIL");
        _server.Responses["/rest/api/2/status"] = (200, """[{"id":"1","name":"To Do","statusCategory":{"key":"new"}},{"id":"3","name":"In Progress","statusCategory":{"key":"indeterminate"}}]""");
        _server.Responses["/rest/api/2/search"] = (200, """
            {"startAt":0,"maxResults":100,"total":1,"issues":[{"id":"10","key":"PAY-1","fields":{"summary":"Pay","status":{"id":"3","name":"In Progress","statusCategory":{"key":"indeterminate"}},
             "created":"2026-11-02T09:00:00.000+0100","updated":"2026-11-03T10:00:00.000+0100","issuetype":{"name":"Story"},"project":{"key":"PAY"}},
             "changelog":{"startAt":0,"maxResults":1,"total":1,"histories":[{"id":"5","created":"2026-11-03T10:00:00.000+0100","author":{"name":"jsmith"},
             "items":[{"field":"status","fieldtype":"jira","from":"1","fromString":"To Do","to":"3","toString":"In Progress"}]}]}}]}
            """);

        var result = await _cli.RunAsync("collect", "jira");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("project:PAY: 1 issues, 1 transitions, 0 incidents read; 2 records new or changed");
        _server.Authorizations.Should().OnlyContain(a => a == "Bearer " + JiraToken);
    }

    [Fact]
    public async Task CollectJira_TokenVariableUnset_ExitTwoNamingTheVariable()
    {
        ConfigureJira();
        _cli.Variables.Remove("JIRA_API_TOKEN");

        var result = await _cli.RunAsync("collect", "jira");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("JIRA_API_TOKEN").And.Contain("Jira:TokenVariable");
    }

    [Fact]
    public async Task CollectJira_CredentialsRefused_ExitTwoWithoutTheToken()
    {
        ConfigureJira();
        _server.Responses["/rest/api/3/status"] = (401, """{"errorMessages":["Client must be authenticated to access this resource."]}""");

        var result = await _cli.RunAsync("collect", "jira");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("401").And.NotContain(JiraToken);
    }

    [Fact]
    public async Task CollectPagerDuty_FakeApi_StoresIncidentsAndReportsThem()
    {
        _cli.Variables["ANALYTICS__PAGERDUTY__BASEURL"] = _server.BaseUrl;
        _cli.Variables["ANALYTICS__PAGERDUTY__INITIALLOOKBACKDAYS"] = "10";
        _cli.Variables["ANALYTICS__PAGERDUTY__SERVICEMAP__PSVC"] = "payments-api";
        _cli.Variables["PAGERDUTY_TOKEN"] = PagerDutyToken;
        _server.Responses["/incidents"] = (200, """
            {"incidents":[{"id":"PX","status":"resolved","title":"Down","urgency":"high","created_at":"2026-11-10T08:00:00Z","resolved_at":"2026-11-10T09:00:00Z",
             "service":{"id":"PSVC","summary":"Payments"}}],"limit":100,"offset":0,"more":false,"total":null}
            """);
        _server.Responses["/incidents/PX/log_entries"] = (200, """
            {"log_entries":[{"id":"L1","type":"acknowledge_log_entry","created_at":"2026-11-10T08:05:00Z","agent":{"id":"U1","type":"user_reference"}}],"more":false}
            """);

        var result = await _cli.RunAsync("collect", "pagerduty", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var summary = JsonDocument.Parse(result.Output).RootElement;
        summary.GetProperty("incidents").GetInt32().Should().Be(1);
        summary.GetProperty("windows").GetInt32().Should().Be(1);
        _server.Authorizations.Should().OnlyContain(a => a == $"Token token={PagerDutyToken}");
    }

    [Fact]
    public async Task CollectPagerDuty_UnknownRegion_ExitTwoNamingTheKey()
    {
        _cli.Variables["ANALYTICS__PAGERDUTY__REGION"] = "mars";
        _cli.Variables["PAGERDUTY_TOKEN"] = PagerDutyToken;

        var result = await _cli.RunAsync("collect", "pagerduty");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("PagerDuty:Region");
    }

    [Fact]
    public async Task CollectOpsgenie_FakeApi_StoresIncidentsWithTheGenieKey()
    {
        _cli.Variables["ANALYTICS__OPSGENIE__BASEURL"] = _server.BaseUrl;
        _cli.Variables["OPSGENIE_API_KEY"] = OpsgenieKey;
        _server.Responses["/v1/incidents/"] = (200, OpsgenieIncidents);

        var result = await _cli.RunAsync("collect", "opsgenie");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("opsgenie incidents: 1 read; 1 records new or changed");
        _server.Authorizations.Should().OnlyContain(a => a == $"GenieKey {OpsgenieKey}");
    }

    [Fact]
    public async Task CollectStatuspage_FullRefresh_StoresIncidentsAndSaysHowManyWereRemoved()
    {
        ConfigureStatuspage();

        var result = await _cli.RunAsync("collect", "statuspage", "--full-refresh");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("statuspage pg1: 1 incidents read (0 maintenances left out); 1 records new or changed; 0 removed (gone upstream)");
        _server.Authorizations.Should().OnlyContain(a => a == $"OAuth {StatuspageKey}");
    }

    [Fact]
    public async Task CollectIncidents_OneSourceRefused_RunsTheOthersNamesTheSkippedAndExitsTwo()
    {
        ConfigureStatuspage();
        _cli.Variables["ANALYTICS__OPSGENIE__BASEURL"] = _server.BaseUrl;
        _cli.Variables["OPSGENIE_API_KEY"] = OpsgenieKey;
        _server.Responses["/v1/incidents/"] = (401, """{"message":"Could not authenticate","took":0.0,"requestId":"r"}""");

        var result = await _cli.RunAsync("collect", "incidents");

        result.ExitCode.Should().Be(2);
        result.Output.Should().Contain("jira: skipped (Jira:BaseUrl is not set)")
            .And.Contain("pagerduty: skipped (the environment variable PAGERDUTY_TOKEN (PagerDuty:TokenVariable) is not set)")
            .And.Contain("statuspage pg1: 1 incidents read")
            .And.Contain("github: skipped (GitHub:IncidentLabel is not set)");
        result.Error.Should().Contain("opsgenie: failed").And.Contain("401").And.NotContain(OpsgenieKey);
    }

    [Fact]
    public async Task CollectGitHubIncidents_LabelledIssue_StoredWithTheServiceFromItsLabel()
    {
        _cli.Variables["ANALYTICS__GITHUB__BASEURL"] = _server.BaseUrl;
        _cli.Variables["ANALYTICS__GITHUB__REPOSITORIES__0"] = "acme/api";
        _cli.Variables["ANALYTICS__GITHUB__INCIDENTLABEL"] = "incident";
        _cli.Variables["GITHUB_TOKEN"] = "cli-github-token-secret";
        _server.Responses["/repos/acme/api/issues"] = (200, """
            [{"number":7,"title":"Checkout 500s","state":"closed","labels":[{"name":"incident"},{"name":"service:payments"}],"assignees":[{"login":"bob"}],
              "created_at":"2026-11-10T08:00:00Z","updated_at":"2026-11-10T09:30:00Z","closed_at":"2026-11-10T09:00:00Z","html_url":"https://github.com/acme/api/issues/7"},
             {"number":8,"title":"A pull request","state":"open","labels":[{"name":"incident"}],"created_at":"2026-11-10T08:00:00Z","updated_at":"2026-11-10T08:00:00Z","pull_request":{"url":"x"}}]
            """);

        var result = await _cli.RunAsync("collect", "github-incidents");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("github acme/api: 1 incident issues read; 1 records new or changed");
        _server.Authorizations.Should().OnlyContain(a => a == "Bearer cli-github-token-secret");
    }

    [Fact]
    public async Task CollectIncidents_NothingConfigured_ExitTwoSayingSo()
    {
        var result = await _cli.RunAsync("collect", "incidents", "--json");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("no incident source is configured");
    }

    private const string OpsgenieKey = "cli-opsgenie-key-secret";
    private const string StatuspageKey = "cli-statuspage-key-secret";

    private const string OpsgenieIncidents = """
        {"data":[{"id":"og1","message":"Checkout down","status":"resolved","tags":["service:payments"],"createdAt":"2026-11-10T08:00:00.000Z",
         "updatedAt":"2026-11-10T09:00:00.000Z","impactEndDate":"2026-11-10T08:40:00.000Z","priority":"P1","responders":[]}],
         "paging":{"first":"x"},"took":0.01,"requestId":"r1"}
        """;

    private void ConfigureStatuspage()
    {
        _cli.Variables["ANALYTICS__STATUSPAGE__BASEURL"] = _server.BaseUrl;
        _cli.Variables["ANALYTICS__STATUSPAGE__PAGEIDS__0"] = "pg1";
        _cli.Variables["STATUSPAGE_API_KEY"] = StatuspageKey;
        _server.Responses["/pages/pg1/incidents"] = (200, """
            [{"id":"sp1","name":"Slow","status":"resolved","impact":"minor","created_at":"2026-11-10T08:00:00.000-07:00","resolved_at":"2026-11-10T09:00:00.000-07:00",
              "scheduled_for":null,"components":[{"id":"c1","name":"API"}],"incident_updates":[{"id":"u1","status":"identified","created_at":"2026-11-10T08:10:00.000-07:00"}]}]
            """);
    }

    private void ConfigureJira()
    {
        _cli.Variables["ANALYTICS__JIRA__BASEURL"] = _server.BaseUrl;
        _cli.Variables["ANALYTICS__JIRA__PROJECTS__0"] = "PAY";
        _cli.Variables["JIRA_EMAIL"] = "bot@example.com";
        _cli.Variables["JIRA_API_TOKEN"] = JiraToken;
    }
}
