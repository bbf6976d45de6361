using Analytics.Collectors.Tests.HttpApi;
using Analytics.Collectors.Tests.Opsgenie;
using Analytics.Collectors.Tests.Statuspage;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;
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
        await KillThenResumeAsync(og.Server, 3, Variables, ["collect", "opsgenie"], killed => killed.Should().HaveCount(150).And.OnlyContain(i => i.SourceId.StartsWith("incident/", StringComparison.Ordinal)), 300);
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
        await KillThenResumeAsync(sp.Server, 3, Variables, ["collect", "statuspage"], killed => killed.Should().HaveCount(150).And.OnlyContain(i => i.SourceId.StartsWith("pg1/", StringComparison.Ordinal)), 300);
    }

    /// <summary>
    /// A clean run into clean.db; then a run into killed.db killed once <paramref name="server"/> has seen
    /// <paramref name="killAfter"/> requests, whose partial store <paramref name="checkKilled"/> checks; then the same
    /// collect again to the end; every incident of killed.db must equal clean.db's.
    /// </summary>
    private async Task KillThenResumeAsync(
        LoopbackServer server, int killAfter, Func<string, Dictionary<string, string>> variables, string[] arguments, Action<List<Incident>> checkKilled, int total)
    {
        var cleanPath = _temp.Combine("clean.db");
        var killedPath = _temp.Combine("killed.db");
        await using (var clean = CollectProcess.Start(_temp.Path, variables(cleanPath), arguments))
        {
            (await clean.WaitAsync(s_bound)).Should().Be(0, clean.Output);
        }

        server.Latency = TimeSpan.FromMilliseconds(700);
        var before = server.Requests.Count;
        await using (var killed = CollectProcess.Start(_temp.Path, variables(killedPath), arguments))
        {
            await killed.KillAfterAsync(server, before + killAfter, s_bound);
        }

        checkKilled(await ReadAsync(killedPath));
        server.Latency = TimeSpan.Zero;
        await using (var again = CollectProcess.Start(_temp.Path, variables(killedPath), arguments))
        {
            (await again.WaitAsync(s_bound)).Should().Be(0, again.Output);
        }

        var expected = await ReadAsync(cleanPath);
        expected.Should().HaveCount(total);
        (await ReadAsync(killedPath)).Should().Equal(expected);
    }

    private static async Task<List<Incident>> ReadAsync(string path)
    {
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, path), TimeProvider.System, default);
        var incidents = new List<Incident>();
        await foreach (var incident in store.ReadAsync(Entities.Incidents, null, default))
        {
            incidents.Add(incident);
        }

        return incidents.OrderBy(i => i.SourceId, StringComparer.Ordinal).ToList();
    }
}
