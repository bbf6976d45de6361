using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Analytics.Host.Scheduling;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Files;

namespace Analytics.Server.Tests;

/// <summary><c>analytics serve</c> in embedded mode (in-memory Quartz store, SQLite store), as a real child process.</summary>
public sealed class EmbeddedSchedulerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Serve_EmbeddedCronJobOnSqlite_RunsItAndStopsCleanlyOnSigterm()
    {
        var repository = CreateGitRepository(commits: 2);
        var variables = new Dictionary<string, string>
        {
            ["ANALYTICS__STORE__LOCATION"] = _directory.Combine("analytics.db"),
            ["ANALYTICS__SCHEDULES__0__NAME"] = "collect-git",
            ["ANALYTICS__SCHEDULES__0__KIND"] = "collect",
            ["ANALYTICS__SCHEDULES__0__SOURCE"] = "git",
            ["ANALYTICS__SCHEDULES__0__CRON"] = "* * * * * ?", // every second
            ["ANALYTICS__SCHEDULES__0__TIMEZONE"] = "Europe/Berlin",
            ["ANALYTICS__SCHEDULES__0__ARGUMENTS__0"] = repository,
        };
        await using var node = ServeProcess.Start(_directory.Path, "solo", variables);
        await node.WaitReadyAsync(Generous);

        var succeeded = await ServeProcess.WaitForAsync(
            async () => (await node.RunsAsync("collect-git")).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded),
            Generous, () => node.Output);
        var status = (await node.JobsAsync()).Should().ContainSingle().Subject;
        var stopped = await node.TerminateAsync(TimeSpan.FromSeconds(60));

        succeeded.Node.Should().Be("solo");
        succeeded.Attempt.Should().Be(1);
        status.Name.Should().Be("collect-git");
        status.TimeZone.Should().Be("Europe/Berlin");
        status.Description.Should().Be($"analytics collect git {repository}");
        status.NextRunAt.Should().NotBeNull();
        stopped.Should().BeTrue(node.Output);
        node.ExitCode.Should().Be(0, node.Output);
        await using var store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, _directory.Combine("analytics.db")), TimeProvider.System, CancellationToken.None);
        (await store.CountAsync(Entities.Commits, CancellationToken.None)).Should().Be(2);
    }

    [Fact]
    public async Task Serve_FailingJob_IsRetriedWithGrowingDelaysThenShowsFailedWithItsError()
    {
        const string Token = "ghp_never_shown_1234567890";
        var closedPort = ClosedPort();
        var variables = new Dictionary<string, string>
        {
            ["ANALYTICS__STORE__LOCATION"] = _directory.Combine("analytics.db"),
            ["ANALYTICS__GITHUB__BASEURL"] = $"http://127.0.0.1:{closedPort}/",
            ["ANALYTICS__GITHUB__REPOSITORIES__0"] = "acme/api",
            ["ANALYTICS__GITHUB__MAXRETRIES"] = "0",
            ["GITHUB_TOKEN"] = Token,
            ["ANALYTICS__SCHEDULES__0__NAME"] = "collect-github",
            ["ANALYTICS__SCHEDULES__0__KIND"] = "collect",
            ["ANALYTICS__SCHEDULES__0__SOURCE"] = "github",
            ["ANALYTICS__SCHEDULES__0__CRON"] = "0 0 0 1 1 ? 2099", // never during the test: it is triggered
            ["ANALYTICS__SCHEDULES__0__RETRIES"] = "3",
            ["ANALYTICS__SCHEDULES__0__RETRYDELAY"] = "00:00:01",
        };
        await using var node = ServeProcess.Start(_directory.Path, "solo", variables);
        await node.WaitReadyAsync(Generous);

        await node.TriggerAsync("collect-github");
        // Failed, and no longer running: the run's record is written a moment before the job is marked idle.
        var status = await ServeProcess.WaitForAsync(
            async () => (await node.JobsAsync()).FirstOrDefault(j => j.LastRun?.Outcome == JobRunOutcome.Failed && !j.IsRunning),
            Generous, () => node.Output);
        var runs = (await node.RunsAsync("collect-github")).Reverse().ToList();

        runs.Select(r => r.Attempt).Should().Equal(1, 2, 3, 4);
        runs.Select(r => r.Outcome).Should().Equal(JobRunOutcome.FailedWillRetry, JobRunOutcome.FailedWillRetry, JobRunOutcome.FailedWillRetry, JobRunOutcome.Failed);
        // Retry n is due RetryDelay·2^(n-1) after attempt n failed: 1 s, 2 s, 4 s.
        runs.Take(3).Select(r => r.NextRetryAt - r.FinishedAt).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        for (var i = 1; i < runs.Count; i++)
        {
            // Each retry waited at least its delay after the failure before it: the gaps grow 1 s, 2 s, 4 s.
            (runs[i].StartedAt - runs[i - 1].FinishedAt!.Value).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(Math.Pow(2, i - 1)) - TimeSpan.FromMilliseconds(50));
        }

        status.LastRun!.Error.Should().Contain("acme/api: failed").And.Contain($"127.0.0.1:{closedPort}").And.NotContain(Token);
        runs.Should().OnlyContain(r => r.Node == "solo" && r.Error != null && !r.Error.Contains(Token, StringComparison.Ordinal));
        // The dashboard's jobs page (server-rendered HTML) shows the final failure with its error.
        var page = System.Net.WebUtility.HtmlDecode(await node.Http.GetStringAsync(new Uri("jobs", UriKind.Relative)));
        page.Should().Contain("failed").And.Contain("acme/api: failed").And.Contain($"127.0.0.1:{closedPort}").And.NotContain(Token);
    }

    [Fact]
    public async Task Trigger_UnknownJob_Is404()
    {
        await using var node = ServeProcess.Start(_directory.Path, "solo", new Dictionary<string, string> { ["ANALYTICS__STORE__LOCATION"] = _directory.Combine("analytics.db") });
        await node.WaitReadyAsync(Generous);

        using var response = await node.TriggerRequestAsync("nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'nope'");
    }

    private string CreateGitRepository(int commits)
    {
        var path = _directory.Combine("repo");
        Directory.CreateDirectory(path);
        Git(path, "init", "-q");
        for (var i = 1; i <= commits; i++)
        {
            File.WriteAllText(Path.Combine(path, "file.txt"), $"version {i}\n");
            Git(path, "add", "file.txt");
            Git(path, "-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "-q", "-m", $"change {i}");
        }

        return path;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
    }

    /// <summary>A loopback port nothing listens on (it was free a moment ago; nothing in the tests binds it after).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
