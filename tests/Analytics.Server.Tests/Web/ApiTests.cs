using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Analytics.Server.Tests.Web;

public sealed class ApiTests : IAsyncLifetime
{
    private WebTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Teams_Get_ListsTheSimulatedTeamsWithMembersAndRepositories()
    {
        var teams = await _server.Client.GetFromJsonAsync<JsonElement>("/api/teams");
        teams.GetArrayLength().Should().Be(_server.Teams.Count);
        var first = teams[0];
        first.GetProperty("id").GetString().Should().Be(_server.Teams[0].Id);
        first.GetProperty("members").GetArrayLength().Should().Be(_server.Teams[0].Members.Count);
        first.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()).Should().Equal(_server.Teams[0].Repositories);
        (await _server.Client.GetAsync("/api/teams/no-such-team")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signals_GetForTeam_ReturnsWeeklyPointsWithValues()
    {
        var team = _server.Teams[0].Id;
        var signals = await _server.Client.GetFromJsonAsync<JsonElement>($"/api/signals/pr.merged?team={team}&range=12w");
        var series = signals[0].GetProperty("series");
        series.GetArrayLength().Should().BeGreaterThan(0);
        series[0].GetProperty("labels").GetProperty("team").GetString().Should().Be(team);
        // 84 days back from Wednesday 4 March: the weeks from early December to the week in progress, 13 windows.
        series[0].GetProperty("points").GetArrayLength().Should().BeInRange(12, 14);
        series[0].GetProperty("points").EnumerateArray().Should().Contain(p => p.GetProperty("value").ValueKind == JsonValueKind.Number && p.GetProperty("value").GetDouble() > 0);
        (await _server.Client.GetAsync("/api/signals/pr.mergd")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _server.Client.GetAsync($"/api/signals/pr.merged?range=3y")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Alerts_Get_ListsTheFiringAlertNotSilenced()
    {
        var alerts = await _server.Client.GetFromJsonAsync<JsonElement>("/api/alerts");
        alerts.EnumerateArray().Should().Contain(a => a.GetProperty("alert").GetString() == "TeamMerging" && a.GetProperty("status").GetString() == "Firing");
        alerts.EnumerateArray().Should().OnlyContain(a => !a.GetProperty("silenced").GetBoolean());
    }

    [Fact]
    public async Task Silences_PostWithTokenThenDelete_SilencesTheAlertThenExpires()
    {
        var team = _server.Teams[0].Id;
        using var client = _server.TokenClient();
        var created = await client.PostAsJsonAsync("/api/silences", new { matchers = $"team=\"{team}\"", duration = "2h", reason = "deploy freeze" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        silence.GetProperty("author").GetString().Should().Be("TEST_API_TOKEN", "the caller's name stands in for a missing author");
        silence.GetProperty("state").GetString().Should().Be("active");
        silence.GetProperty("endsAt").GetDateTimeOffset().Should().Be(WebTestServer.Now.AddHours(2));
        var id = silence.GetProperty("id").GetString();

        var alerts = await _server.Client.GetFromJsonAsync<JsonElement>("/api/alerts");
        alerts.EnumerateArray().Where(a => a.GetProperty("labels").GetProperty("team").GetString() == team)
            .Should().OnlyContain(a => a.GetProperty("silencedBy").EnumerateArray().Single().GetString() == id);

        (await client.DeleteAsync($"/api/silences/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var silences = await _server.Client.GetFromJsonAsync<JsonElement>("/api/silences");
        silences.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("state").GetString().Should().Be("expired");
        (await client.DeleteAsync("/api/silences/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Silences_PostBadMatchers_Answers400NamingTheField()
    {
        using var client = _server.TokenClient();
        var response = await client.PostAsJsonAsync("/api/silences", new { matchers = "team=", duration = "2h", reason = "x" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("matchers:");
        (await _server.Client.GetFromJsonAsync<JsonElement>("/api/silences")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Silences_PostAnonymouslyOnLoopback_Answers401AndStoresNothing()
    {
        var response = await _server.Client.PostAsJsonAsync("/api/silences", new { matchers = "team=\"x\"", duration = "2h", author = "me", reason = "x" });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _server.Client.GetFromJsonAsync<JsonElement>("/api/silences")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Jobs_GetAndTrigger_ShowFailuresAndTriggerWithToken()
    {
        var jobs = await _server.Client.GetFromJsonAsync<JsonElement>("/api/jobs");
        jobs.GetArrayLength().Should().Be(2);
        jobs[0].GetProperty("failures")[0].GetProperty("error").GetString().Should().Be("GitHub answered 502 three times");
        (await _server.Client.PostAsync("/api/jobs/evaluate-rules/trigger", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _server.Jobs.Triggered.Should().BeEmpty();
        using var client = _server.TokenClient();
        (await client.PostAsync("/api/jobs/evaluate-rules/trigger", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostAsync("/api/jobs/nope/trigger", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        _server.Jobs.Triggered.Should().Equal("evaluate-rules");
        (await _server.Client.GetFromJsonAsync<JsonElement>("/api/jobs/collect-github/runs"))[0].GetProperty("outcome").GetString().Should().Be("Failed");
    }

    [Fact]
    public async Task Freshness_Get_GivesTheNewestRecordPerEntity()
    {
        var freshness = await _server.Client.GetFromJsonAsync<JsonElement>("/api/freshness");
        var records = freshness.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("entity").GetString()!);
        var latest = records["pull-requests"].GetProperty("latestAt").GetDateTimeOffset();
        latest.Should().BeOnOrBefore(WebTestServer.Now).And.BeAfter(WebTestServer.Now.AddDays(-7));
        records["alert-states"].GetProperty("latestAt").GetDateTimeOffset().Should().Be(WebTestServer.Now);
    }

    [Fact]
    public async Task Pages_Get_RenderEachSection()
    {
        foreach (var path in new[] { "/", $"/teams/{_server.Teams[0].Id}", "/alerts", "/jobs", "/freshness" })
        {
            var response = await _server.Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        }

        (await _server.Client.GetStringAsync("/jobs")).Should().Contain("GitHub answered 502 three times");
    }
}
