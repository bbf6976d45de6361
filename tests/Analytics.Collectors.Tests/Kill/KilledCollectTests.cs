using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Jira;
using Analytics.Collectors.Tests.Opsgenie;
using Analytics.Collectors.Tests.PagerDuty;
using Analytics.Collectors.Tests.Statuspage;
using Analytics.Collectors.Tests.Sync;
using Analytics.Storage;
using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.Kill;

/// <summary>
/// The real <c>analytics collect &lt;source&gt;</c> killed in mid-run (after at least one scope was committed), then run
/// again to the end, leaves the same store as one clean run into a separate SQLite file. The fake servers hold every
/// answer back a little so that the kill lands while a request is in flight.
/// </summary>
public sealed class KilledCollectTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task CollectOpsgenie_KilledWhileReadingAlertsThenRunAgain_SameStoreAsOneCleanRun()
    {
        await using var og = new OpsgenieFakeServer();
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < 150; n++)
        {
            var created = now.AddDays(-n % 90 - 1).AddSeconds(-n * 7);
            og.Incidents.Add(new FakeOpsgenieItem($"i{n:000}", created, "resolved") { ImpactEnd = created.AddMinutes(30 + n), Tags = [$"service:s{n % 3}"], Users = [$"u{n % 4}"] });
            og.Alerts.Add(new FakeOpsgenieItem($"a{n:000}", created.AddMinutes(2), "closed") { AckTime = 60_000 + n, CloseTime = 3_600_000 + n });
        }

        Dictionary<string, string> Variables(string store) => new()
        {
            ["ANALYTICS__STORE__LOCATION"] = store,
            ["ANALYTICS__OPSGENIE__BASEURL"] = og.BaseUrl.ToString(),
            ["ANALYTICS__OPSGENIE__ALERTS"] = "true",
            ["OPSGENIE_API_KEY"] = OpsgenieFakeServer.Key,
        };

        // Pages of 100: incidents take 2 requests and are committed before the first alerts request goes out.
        var clean = await KillThenResumeAsync(og.Server, r => r.Path == "/v2/alerts", Variables, ["collect", "opsgenie"],
            killed => killed.Incidents.Should().HaveCount(150).And.OnlyContain(i => i.SourceId.StartsWith("incident/", StringComparison.Ordinal)));
        clean.Incidents.Should().HaveCount(300);
    }

    [Fact]
    public async Task CollectStatuspage_KilledWhileReadingTheSecondPageThenRunAgain_SameStoreAsOneCleanRun()
    {
        await using var sp = new StatuspageFakeServer();
        sp.Pages["pg2"] = [];
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < 150; n++)
        {
            var created = now.AddDays(-n - 1).AddSeconds(n * 11);
            foreach (var (page, list) in sp.Pages)
            {
                list.Add(new FakeStatuspageIncident($"{page}-{n:000}", created, "resolved")
                {
                    ResolvedAt = created.AddMinutes(40 + n),
                    Updates = [("investigating", created, null), ("resolved", created.AddMinutes(40 + n), null)],
                });
            }
        }

        Dictionary<string, string> Variables(string store) => new()
        {
            ["ANALYTICS__STORE__LOCATION"] = store,
            ["ANALYTICS__STATUSPAGE__BASEURL"] = sp.BaseUrl.ToString(),
            ["ANALYTICS__STATUSPAGE__PAGEIDS__0"] = "pg1",
            ["ANALYTICS__STATUSPAGE__PAGEIDS__1"] = "pg2",
            ["STATUSPAGE_API_KEY"] = StatuspageFakeServer.Key,
        };

        // Pages of 100: pg1 takes 2 requests and is committed before pg2's first request goes out.
        var clean = await KillThenResumeAsync(sp.Server, r => r.Path.Contains("/pg2/", StringComparison.Ordinal), Variables, ["collect", "statuspage"],
            killed => killed.Incidents.Should().HaveCount(150).And.OnlyContain(i => i.SourceId.StartsWith("pg1/", StringComparison.Ordinal)));
        clean.Incidents.Should().HaveCount(300);
    }

    [Fact]
    public Task CollectJiraCloud_KilledWhileReadingTheSecondProjectThenRunAgain_SameStoreAsOneCleanRun() => KillJiraAsync(dataCenter: false);

    [Fact]
    public Task CollectJiraDataCenter_KilledWhileReadingTheSecondProjectThenRunAgain_SameStoreAsOneCleanRun() => KillJiraAsync(dataCenter: true);

    private async Task KillJiraAsync(bool dataCenter)
    {
        await using var jira = new JiraFakeServer(dataCenter);
        var now = DateTimeOffset.UtcNow;
        foreach (var project in new[] { "PAY", "OPS" })
        {
            for (var n = 1; n <= 12; n++)
            {
                var updated = now.AddDays(-n).AddMinutes(project.Length * n);
                var issue = new FakeJiraIssue((project == "PAY" ? 1000 + n : 2000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{project}-{n}", n % 4 == 0 ? "Incident" : "Story", "10001", updated.AddDays(-1), updated)
                {
                    Service = "payments",
                };
                issue.Histories.Add(new FakeJiraHistory($"{project}{n}01", updated.AddHours(-20), "dev-1", "1", "3"));
                issue.Histories.Add(new FakeJiraHistory($"{project}{n}02", updated.AddHours(-2), "dev-2", "3", "10001"));
                jira.Issues.Add(issue);
            }
        }

        Dictionary<string, string> Variables(string store) => new()
        {
            ["ANALYTICS__STORE__LOCATION"] = store,
            ["ANALYTICS__JIRA__FLAVOR"] = dataCenter ? "datacenter" : "cloud",
            ["ANALYTICS__JIRA__BASEURL"] = jira.BaseUrl.ToString(),
            ["ANALYTICS__JIRA__PROJECTS__0"] = "PAY",
            ["ANALYTICS__JIRA__PROJECTS__1"] = "OPS",
            ["ANALYTICS__JIRA__INCIDENTISSUETYPES__0"] = "incident",
            ["ANALYTICS__JIRA__INCIDENTSERVICEFIELD"] = JiraFakeServer.ServiceField,
            ["JIRA_EMAIL"] = JiraFakeServer.Email,
            ["JIRA_API_TOKEN"] = dataCenter ? JiraFakeServer.PersonalAccessToken : JiraFakeServer.Token,
        };

        // The fake answers 3 issues a search page: PAY takes 4 or more pages (and, on Cloud, its changelog pages) and is
        // committed before OPS is searched.
        var clean = await KillThenResumeAsync(jira.Server, r => (r.Query + r.Body).Contains("OPS", StringComparison.Ordinal), Variables, ["collect", "jira"],
            killed =>
            {
                killed.Tickets.Should().HaveCount(12).And.OnlyContain(t => t.Key.StartsWith("PAY-", StringComparison.Ordinal));
                killed.Incidents.Should().HaveCount(3);
            });
        clean.Tickets.Should().HaveCount(24);
        clean.Transitions.Should().HaveCount(48);
        clean.Incidents.Should().HaveCount(6, "every fourth issue is an incident");
    }

    [Fact]
    public async Task CollectPagerDuty_KilledWhileReadingLogEntriesThenRunAgain_SameStoreAsOneCleanRun()
    {
        await using var pd = new PagerDutyFakeServer();
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < 12; n++)
        {
            var created = now.AddDays(-n - 1).AddSeconds(n * 13);
            pd.Incidents.Add(new FakePagerDutyIncident($"P{n:00}", created, "resolved")
            {
                ResolvedAt = created.AddHours(1),
                LogEntries = [("acknowledge_log_entry", created.AddMinutes(n + 1), $"U{n % 3}", []), ("resolve_log_entry", created.AddHours(1), "U1", [])],
            });
        }

        Dictionary<string, string> Variables(string store) => new()
        {
            ["ANALYTICS__STORE__LOCATION"] = store,
            ["ANALYTICS__PAGERDUTY__BASEURL"] = pd.BaseUrl.ToString(),
            ["PAGERDUTY_TOKEN"] = PagerDutyFakeServer.Token,
        };

        // PagerDuty commits the whole run in one transaction: killed while reading log entries, nothing was stored.
        var clean = await KillThenResumeAsync(pd.Server, r => r.Path.Contains("/P05/", StringComparison.Ordinal), Variables, ["collect", "pagerduty"],
            killed => killed.Incidents.Should().BeEmpty());
        clean.Incidents.Should().HaveCount(12);
    }

    /// <summary>
    /// A clean run into clean.db; then a run into killed.db killed once <paramref name="server"/> has received a request
    /// matching <paramref name="killAt"/>, whose partial store <paramref name="checkKilled"/> checks; then the same
    /// collect again to the end. Every ticket, transition and incident of killed.db must equal clean.db's; returns clean.db's.
    /// </summary>
    private async Task<StoreSnapshot> KillThenResumeAsync(
        LoopbackServer server, Func<LoopbackRequest, bool> killAt, Func<string, Dictionary<string, string>> variables, string[] arguments, Action<StoreSnapshot> checkKilled)
    {
        var cleanPath = _temp.Combine("clean.db");
        var killedPath = _temp.Combine("killed.db");
        await using (var clean = CollectProcess.Start(_temp.Path, variables(cleanPath), arguments))
        {
            (await clean.WaitAsync(s_bound)).Should().Be(0, clean.Output);
        }

        server.Requests.Clear();
        server.Latency = TimeSpan.FromMilliseconds(700);
        await using (var killed = CollectProcess.Start(_temp.Path, variables(killedPath), arguments))
        {
            await killed.KillAtAsync(server, killAt, s_bound);
        }

        checkKilled(await SnapshotAsync(killedPath));
        server.Latency = TimeSpan.Zero;
        await using (var again = CollectProcess.Start(_temp.Path, variables(killedPath), arguments))
        {
            (await again.WaitAsync(s_bound)).Should().Be(0, again.Output);
        }

        var expected = await SnapshotAsync(cleanPath);
        var resumed = await SnapshotAsync(killedPath);
        resumed.ShouldEqual(expected);
        return expected;
    }

    /// <summary>Every ticket, transition and incident of a SQLite store, in the store's key order.</summary>
    private static async Task<StoreSnapshot> SnapshotAsync(string path)
    {
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, path), TimeProvider.System, default);
        return await StoreSnapshot.ReadAsync(store);
    }
}
