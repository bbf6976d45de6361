using Analytics.Collectors.GitHub;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubFaultToleranceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-1);
    private readonly GitHubTestBed _clean = new();
    private readonly GitHubTestBed _faulty = new();

    public async ValueTask DisposeAsync()
    {
        await _clean.DisposeAsync();
        await _faulty.DisposeAsync();
    }

    private static void Seed(GitHubTestBed bed)
    {
        foreach (var name in new[] { "acme/api", "acme/web" })
        {
            var repository = bed.Server.AddRepository(name);
            for (var number = 1; number <= 7; number++)
            {
                repository.AddPull(number, Day.AddHours(number), Day.AddHours(number + 1), merged: number % 3 == 0, reviews: 3, comments: 2, commits: 3);
            }

            repository.AddRun(Day.AddHours(1), attempts: 2);
            repository.AddRun(Day.AddHours(2));
            repository.AddRun(Day.AddHours(3), attempts: 3, conclusion: "failure");
            repository.AddDeployment(Day.AddHours(1), "in_progress", "success");
            repository.AddDeployment(Day.AddHours(2), "failure");
        }
    }

    [Fact]
    public async Task SyncAsync_TwentyPercentOfResponsesFaulted_FinalStoreEqualsACleanRun()
    {
        Seed(_clean);
        Seed(_faulty);
        _faulty.Server.FaultRandomly(0.2, seed: 11);
        _faulty.Server.SlowAnswer = TimeSpan.FromMilliseconds(400);
        var options = _faulty.Options("acme/api", "acme/web") with { MaxRetries = 4, RequestTimeout = TimeSpan.FromMilliseconds(150) };

        var clean = await _clean.SyncAsync(_clean.Options("acme/api", "acme/web"));
        // A repository that still fails resumes from its cursor in the next run; a few runs must converge.
        var runs = 0;
        GitHubSyncReport faulty;
        do
        {
            faulty = await _faulty.SyncAsync(options);
            runs++;
        }
        while (!faulty.Succeeded && runs < 5);

        clean.Succeeded.Should().BeTrue();
        faulty.Succeeded.Should().BeTrue();
        _faulty.Server.Log.Count(l => l.Status is 502 or 429 or 504).Should().BeGreaterThan(0, "faults were injected");
        _faulty.Server.Log.Should().Contain(l => l.PathAndQuery == "/graphql" && l.Status != 200, "GraphQL queries were faulted too");
        (await _faulty.ReadAsync(Entities.PullRequests)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.PullRequests));
        (await _faulty.ReadAsync(Entities.Reviews)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.Reviews));
        (await _faulty.ReadAsync(Entities.ReviewComments)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.ReviewComments));
        (await _faulty.ReadAsync(Entities.PullRequestCommits)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.PullRequestCommits));
        (await _faulty.ReadAsync(Entities.WorkflowRuns)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.WorkflowRuns));
        (await _faulty.ReadAsync(Entities.CiJobs)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.CiJobs));
        (await _faulty.ReadAsync(Entities.CiSteps)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.CiSteps));
        (await _faulty.ReadAsync(Entities.Deployments)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.Deployments));
        (await _faulty.ReadAsync(Entities.Identities)).Should().BeEquivalentTo(await _clean.ReadAsync(Entities.Identities));
        (await _clean.ReadAsync(Entities.PullRequests)).Should().HaveCount(14);
    }

    [Fact]
    public async Task SyncAsync_ManyRequests_InFlightNeverExceedsTheBound()
    {
        Seed(_clean);

        var report = await _clean.SyncAsync(_clean.Options("acme/api") with { MaxConcurrentRequests = 2 });

        report.Succeeded.Should().BeTrue();
        _clean.Server.MaxInFlight.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task SyncAsync_AnswerSlowerThanTheTimeout_IsRetried()
    {
        Seed(_clean);
        _clean.Server.SlowAnswer = TimeSpan.FromMilliseconds(600);
        _clean.Server.Fault("/deployments", FakeFaultKind.Slow, times: 1);

        var report = await _clean.SyncAsync(_clean.Options("acme/api") with { RequestTimeout = TimeSpan.FromMilliseconds(200) });

        report.Succeeded.Should().BeTrue();
        (await _clean.ReadAsync(Entities.Deployments)).Should().HaveCount(2);
        // At least one backoff after the timeout (the aborted connection may cost the listener another retry).
        _clean.Time.Delays.Should().NotBeEmpty();
    }
}
