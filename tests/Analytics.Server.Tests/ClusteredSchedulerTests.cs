using System.Collections;
using System.Globalization;
using Analytics.Host;
using Analytics.Host.Cli;
using Analytics.Host.Scheduling;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Files;
using Analytics.Testing.GitHub;
using Analytics.Testing.Postgres;

namespace Analytics.Server.Tests;

/// <summary>
/// Three <c>analytics serve</c> processes in clustered mode on one PostgreSQL: a collection is killed with its node
/// (kill -9) and finished by another node, leaving the same store as a clean run.
/// </summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private static readonly DateTimeOffset Base = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly PostgresTestServer _postgres = new();
    private readonly FakeGitHubServer _github = new();
    private readonly List<ServeProcess> _nodes = [];

    public Task InitializeAsync()
    {
        for (var r = 1; r <= 3; r++)
        {
            var repository = _github.AddRepository($"acme/service-{r}");
            for (var p = 1; p <= 12; p++)
            {
                repository.AddPull(p, Base.AddHours(p), Base.AddHours(p + 5), author: p % 2 == 0 ? "alice" : "bob", merged: p % 3 != 0, reviews: 2, comments: 1, commits: 2);
            }

            for (var run = 0; run < 4; run++)
            {
                repository.AddRun(Base.AddDays(run), attempts: 1 + (run % 2));
            }

            repository.AddDeployment(Base.AddDays(1), "in_progress", "success");
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _github.Dispose();
        _postgres.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Serve_ThreeNodesAndTheCollectingNodeStops_AnotherNodeFinishesItAndTheStoreEqualsACleanRun(bool graceful)
    {
        var clusterStore = await _postgres.CreateDatabaseAsync(CancellationToken.None);
        var cleanStore = await _postgres.CreateDatabaseAsync(CancellationToken.None);
        var variables = GitHubVariables(clusterStore);
        variables["ANALYTICS__SCHEDULER__MODE"] = "clustered";
        variables["ANALYTICS__SCHEDULER__CHECKININTERVAL"] = "00:00:01";
        variables["ANALYTICS__SCHEDULER__CHECKINMISFIRETHRESHOLD"] = "00:00:02";
        variables["ANALYTICS__SCHEDULER__IDLEWAITTIME"] = "00:00:01";
        variables["ANALYTICS__SCHEDULES__0__NAME"] = "collect-github";
        variables["ANALYTICS__SCHEDULES__0__KIND"] = "collect";
        variables["ANALYTICS__SCHEDULES__0__SOURCE"] = "github";
        variables["ANALYTICS__SCHEDULES__0__CRON"] = "0 0 0 1 1 ? 2099"; // never during the test: it is triggered
        variables["ANALYTICS__SCHEDULES__0__RETRIES"] = "0";
        foreach (var name in (string[])["node-a", "node-b", "node-c"])
        {
            _nodes.Add(ServeProcess.Start(_directory.Path, name, variables));
        }

        foreach (var node in _nodes)
        {
            await node.WaitReadyAsync(Generous);
        }

        // Every request waits, so the collection takes several seconds and the kill lands in its middle.
        _github.Latency = TimeSpan.FromMilliseconds(40);
        await _nodes[0].TriggerAsync("collect-github");
        var running = await ServeProcess.WaitForAsync(
            async () => (await _nodes[0].RunsAsync("collect-github")).FirstOrDefault(r => r.Outcome == JobRunOutcome.Running),
            Generous, () => _nodes[0].Output);
        var victim = _nodes.Single(n => n.Node == running.Node);
        var requestsBefore = _github.Log.Count;
        await ServeProcess.WaitForAsync(async () => { await Task.Yield(); return _github.Log.Count >= requestsBefore + 15 ? "" : null; }, Generous, () => victim.Output);
        var survivor = _nodes.First(n => n != victim);
        // Seen from another node: running anywhere in the cluster counts.
        (await survivor.JobsAsync()).Single().IsRunning.Should().BeTrue("the job is running on {0}", victim.Node);
        if (graceful)
        {
            // SIGTERM: the running collection is cancelled and handed back to the cluster; the node exits cleanly.
            (await victim.TerminateAsync(Generous)).Should().BeTrue(victim.Output);
            victim.ExitCode.Should().Be(0, victim.Output);
        }
        else
        {
            victim.KillHard();
        }

        var finished = await ServeProcess.WaitForAsync(
            async () => (await survivor.RunsAsync("collect-github")).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded),
            Generous, () => string.Join("\n---\n", _nodes.Select(n => n.Output)));
        var runs = await survivor.RunsAsync("collect-github");
        // The run records its success before Quartz removes its fired-trigger row, so "running" clears a moment later.
        var status = await ServeProcess.WaitForAsync(
            async () => (await survivor.JobsAsync()).Single() is { IsRunning: false } idle ? idle : null,
            Generous, () => survivor.Output);

        finished.Node.Should().NotBe(victim.Node);
        runs.Should().HaveCount(2, "the killed run and the recovered one");
        runs.Single(r => r.RunId == running.RunId).Outcome.Should().Be(JobRunOutcome.Abandoned);
        runs.Single(r => r.RunId == running.RunId).Error.Should().Contain(victim.Node);
        status.IsRunning.Should().BeFalse();
        status.LastRun!.RunId.Should().Be(finished.RunId);

        var clean = await CollectCleanlyAsync(cleanStore);
        clean.Exit.Should().Be(0, clean.Error);
        var afterFailOver = await DumpAsync(clusterStore);
        var expected = await DumpAsync(cleanStore);
        afterFailOver.Keys.Should().BeEquivalentTo(expected.Keys);
        expected[Entities.PullRequests.Name].Should().HaveCount(36, "3 repositories of 12 pull requests were collected");
        foreach (var (entity, rows) in expected)
        {
            // Same rows, none missing and none twice (a multiset comparison, since the dump keeps duplicates).
            afterFailOver[entity].Should().Equal(rows, "entity {0} must match a clean run", entity);
        }
    }

    private Dictionary<string, string> GitHubVariables(string store) => new()
    {
        ["ANALYTICS__STORE__LOCATION"] = store,
        ["ANALYTICS__GITHUB__BASEURL"] = _github.BaseUrl,
        ["ANALYTICS__GITHUB__REPOSITORIES__0"] = "acme/service-1",
        ["ANALYTICS__GITHUB__REPOSITORIES__1"] = "acme/service-2",
        ["ANALYTICS__GITHUB__REPOSITORIES__2"] = "acme/service-3",
        ["ANALYTICS__GITHUB__MAXCONCURRENTREQUESTS"] = "1",
        ["GITHUB_TOKEN"] = _github.Token,
    };

    /// <summary>The same collection by the command line, on a fresh database: what the store must look like.</summary>
    private async Task<(int Exit, string Error)> CollectCleanlyAsync(string store)
    {
        _github.Latency = TimeSpan.Zero;
        var error = new StringWriter();
        var environment = new CliEnvironment(new StringWriter(), error, _directory.Path, new Hashtable(GitHubVariables(store)), TimeProvider.System, Interactive: false);
        var exit = await AnalyticsCli.RunAsync(["collect", "github"], environment, CancellationToken.None);
        return (exit, error.ToString());
    }

    /// <summary>Every record of every entity but the job history, as sorted text rows.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(string connectionString)
    {
        StoreLocation.TryParse(connectionString, Path.GetTempPath(), out var location, out var error).Should().BeTrue(error);
        await using var store = await Store.OpenAsync(location!, TimeProvider.System, CancellationToken.None);
        var dump = new Dictionary<string, List<string>>();
        foreach (var map in Entities.All.Where(m => m != Entities.JobRuns))
        {
            var rows = new List<string>();
            await foreach (var values in store.ReadValuesAsync(map, null, CancellationToken.None))
            {
                rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[map.Name] = rows;
        }

        return dump;
    }
}
