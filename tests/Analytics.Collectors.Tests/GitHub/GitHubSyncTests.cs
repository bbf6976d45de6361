using Analytics.Collectors.GitHub;
using Analytics.Testing.GitHub;
using Analytics.Domain.Code;
using Analytics.Domain.Delivery;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubSyncTests : IAsyncDisposable
{
    private readonly GitHubTestBed _bed = new();
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-1);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    /// <summary>5 PRs (3 pages of 2), each with 3 reviews, 3 comments, 3 commits; 3 runs (one re-run twice); 3 deployments.</summary>
    private FakeRepository Seed(string name)
    {
        var repository = _bed.Server.AddRepository(name);
        for (var number = 1; number <= 5; number++)
        {
            repository.AddPull(number, Day.AddHours(number), Day.AddHours(number + 1), merged: number % 2 == 0, reviews: 3, comments: 3, commits: 3);
        }

        repository.AddRun(Day.AddHours(1));
        repository.AddRun(Day.AddHours(2), attempts: 3);
        repository.AddRun(Day.AddHours(3), conclusion: "failure");
        repository.AddDeployment(Day.AddHours(1), "in_progress", "success");
        repository.AddDeployment(Day.AddHours(2), "failure");
        repository.AddDeployment(Day.AddHours(3));
        return repository;
    }

    [Fact]
    public async Task SyncAsync_ListsOverManyPages_StoresEverythingServed()
    {
        Seed("acme/api");

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories.Should().ContainSingle().Which.Status.Should().Be(GitHubRepositoryStatus.Synced);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(5)
            .And.Contain(p => p.Number == 2 && p.State == PullRequestState.Merged && p.Additions == 20 && p.Repository == "acme/api");
        // 5 PRs × 3: reviews alternate bob / renovate[bot]; commit authors alternate linked, null and {}.
        (await _bed.ReadAsync(Entities.Reviews)).Should().HaveCount(15);
        (await _bed.ReadAsync(Entities.ReviewComments)).Should().HaveCount(15);
        var commits = await _bed.ReadAsync(Entities.PullRequestCommits);
        commits.Should().HaveCount(15);
        commits.Count(c => c.Author is null).Should().Be(10);
        // Runs: 1 + 3 attempts + 1 = 5; two jobs per attempt, two steps per job.
        var runs = await _bed.ReadAsync(Entities.WorkflowRuns);
        runs.Should().HaveCount(5);
        runs.Where(r => r.Attempt > 1).Should().HaveCount(2);
        (await _bed.ReadAsync(Entities.CiJobs)).Should().HaveCount(10);
        (await _bed.ReadAsync(Entities.CiSteps)).Should().HaveCount(20);
        var deployments = await _bed.ReadAsync(Entities.Deployments);
        deployments.Select(d => d.Status).Should().BeEquivalentTo([DeploymentStatus.Success, DeploymentStatus.Failure, DeploymentStatus.Pending]);
        var identities = await _bed.ReadAsync(Entities.Identities);
        identities.Should().Contain(i => i.SourceId == "renovate[bot]" && i.IsBot);
        identities.Should().Contain(i => i.SourceId == "alice" && !i.IsBot);
        (await _bed.Store.GetCursorAsync("github", "acme/api", default)).Should().NotBeNull();
        // The REST probe and every GraphQL answer are archived (the first page under its operation and variables).
        (await _bed.Store.GetRawPayloadAsync("github", $"GET {_bed.Server.BaseUrl}repos/acme/api/pulls?state=all&sort=updated&direction=desc&per_page=2", default)).Should().NotBeNull();
        var firstPage = new GraphQLRequest("PullRequests", "", new System.Text.Json.Nodes.JsonObject
        {
            ["owner"] = "acme", ["name"] = "api", ["first"] = 2, ["cursor"] = null,
            ["labels"] = GraphQLPullRequests.Labels, ["reviews"] = GraphQLPullRequests.Reviews, ["threads"] = GraphQLPullRequests.Threads,
            ["comments"] = GraphQLPullRequests.CommentsPerThread, ["commits"] = GraphQLPullRequests.Commits, ["files"] = GraphQLPullRequests.Files,
        });
        (await _bed.Store.GetRawPayloadAsync("github", firstPage.ArchiveKey($"{_bed.Server.BaseUrl}graphql"), default)).Should().NotBeNull();
        report.Repositories[0].Should().Match<GitHubRepositoryResult>(r => r.PullRequests == 5 && r.WorkflowRuns == 5 && r.Jobs == 10 && r.Deployments == 3);
    }

    [Fact]
    public async Task SyncAsync_NothingChangedUpstream_SecondRunIsAll304AndChangesNothing()
    {
        Seed("acme/api");
        await _bed.SyncAsync(_bed.Options("acme/api"));
        var charged = _bed.Server.Charged;
        var points = _bed.Server.GraphQLCharged;

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        report.Repositories[0].Changed.Should().Be(0);
        report.Repositories[0].PullRequests.Should().Be(0);
        report.NotModified.Should().Be(report.Requests).And.BeGreaterThan(0);
        _bed.Server.Charged.Should().Be(charged, "304s are free for the primary limit");
        _bed.Server.GraphQLCharged.Should().Be(points, "the probe's 304 says nothing changed: no GraphQL query is sent");
    }

    [Fact]
    public async Task SyncAsync_OnePullRequestUpdated_ReadsOnlyItAndNewOnes()
    {
        var repository = Seed("acme/api");
        await _bed.SyncAsync(_bed.Options("acme/api"));
        repository.Pulls[2]["title"] = "Renamed change";
        repository.Pulls[2]["updated_at"] = FakeRepository.Iso(GitHubTestBed.Now);
        repository.AddPull(6, GitHubTestBed.Now.AddHours(-1), GitHubTestBed.Now.AddMinutes(-30));
        _bed.Server.Log.Clear();
        _bed.Server.GraphQLServed.Clear();

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { RenameOrigins = true });

        report.Repositories[0].PullRequests.Should().Be(2);
        // GraphQL pages stop at the first pull request at or below the watermark (#5, on the second page of two); REST
        // is asked only for the file lists of the two read (each has a renamed file, whose previous path GraphQL lacks).
        _bed.Server.GraphQLServed.Should().Equal("acme/api#2", "acme/api#6", "acme/api#5", "acme/api#4");
        _bed.Server.Log.Select(l => l.PathAndQuery).Where(p => p.Contains("/pulls/", StringComparison.Ordinal))
            .Should().BeEquivalentTo(["/repos/acme/api/pulls/2/files?per_page=2", "/repos/acme/api/pulls/6/files?per_page=2"]);
        var pulls = await _bed.ReadAsync(Entities.PullRequests);
        pulls.Should().HaveCount(6).And.Contain(p => p.Number == 2 && p.Title == "Renamed change");
    }

    [Fact]
    public async Task SyncAsync_SecondaryLimitWithRetryAfter_WaitsThatLongAndSucceeds()
    {
        Seed("acme/api");
        _bed.Server.Fault("/pulls", FakeFaultKind.SecondaryLimit, times: 1, retryAfterSeconds: 7);
        _bed.Server.Fault("/deployments", FakeFaultKind.TooManyRequests, times: 1, retryAfterSeconds: 3);

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        _bed.Time.Delays.Should().Contain(TimeSpan.FromSeconds(7)).And.Contain(TimeSpan.FromSeconds(3));
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(5);
    }

    [Fact]
    public async Task SyncAsync_ServerErrorsThenSuccess_RetriesWithBackoff()
    {
        Seed("acme/api");
        _bed.Server.Fault("/actions/runs", FakeFaultKind.ServerError, times: 2);
        _bed.Server.Fault("/deployments", FakeFaultKind.TruncatedJson, times: 1);

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        // Backoff base 1 s, doubling, jitter between half and all: retry 1 in [0.5, 1] s, retry 2 in [1, 2] s.
        _bed.Time.Delays.Should().HaveCount(3);
        _bed.Time.Delays.Should().OnlyContain(d => d >= TimeSpan.FromSeconds(0.5) && d <= TimeSpan.FromSeconds(2));
        (await _bed.ReadAsync(Entities.WorkflowRuns)).Should().HaveCount(5);
        (await _bed.ReadAsync(Entities.Deployments)).Should().HaveCount(3);
    }

    [Fact]
    public async Task SyncAsync_PersistentServerErrorOnOneRepository_ItKeepsItsPreviousStateAndTheOtherSyncs()
    {
        var api = Seed("acme/api");
        var web = Seed("acme/web");
        await _bed.SyncAsync(_bed.Options("acme/api", "acme/web"));
        var cursor = await _bed.Store.GetCursorAsync("github", "acme/api", default);
        foreach (var repository in new[] { api, web })
        {
            repository.Pulls[1]["title"] = "Changed upstream";
            repository.Pulls[1]["updated_at"] = FakeRepository.Iso(GitHubTestBed.Now);
        }

        _bed.Server.Fault("/repos/acme/api/actions", FakeFaultKind.ServerError, times: 1000);

        var report = await _bed.SyncAsync(_bed.Options("acme/api", "acme/web"));

        var failed = report.Repositories.Single(r => r.Repository == "acme/api");
        failed.Status.Should().Be(GitHubRepositoryStatus.Failed);
        failed.Message.Should().Contain("/repos/acme/api/actions/runs").And.Contain("502").And.Contain("gave up after 3 retries").And.Contain("next run resumes");
        report.Repositories.Single(r => r.Repository == "acme/web").Status.Should().Be(GitHubRepositoryStatus.Synced);
        var pulls = await _bed.ReadAsync(Entities.PullRequests);
        pulls.Single(p => p.Repository == "acme/api" && p.Number == 1).Title.Should().Be("Change 1", "nothing of the failed repository is written");
        pulls.Single(p => p.Repository == "acme/web" && p.Number == 1).Title.Should().Be("Changed upstream");
        (await _bed.Store.GetCursorAsync("github", "acme/api", default)).Should().Be(cursor);
        report.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task SyncAsync_BadToken_SaysSoWithoutTheTokenAndSkipsTheRest()
    {
        Seed("acme/api");
        Seed("acme/web");
        var options = _bed.Options("acme/api", "acme/web") with { Token = "ghp_wrong_token_456" };

        var report = await _bed.SyncAsync(options);

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain("401").And.Contain("GITHUB_TOKEN").And.Contain("invalid, revoked or expired").And.NotContain("ghp_wrong_token_456");
        report.Repositories[1].Status.Should().Be(GitHubRepositoryStatus.Skipped);
        report.Repositories[1].Message.Should().Contain("token was rejected");
    }

    [Fact]
    public async Task SyncAsync_MissingPermission_NamesThePermission()
    {
        Seed("acme/api");
        _bed.Server.Fault("/actions/runs", FakeFaultKind.MissingPermission, times: 1);

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain("403").And.Contain("actions=read").And.NotContain(_bed.Server.Token);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEmpty("the repository is written whole or not at all");
    }

    [Fact]
    public async Task SyncAsync_UnknownRepository_ReportsItAndSyncsTheOthers()
    {
        Seed("acme/api");

        var report = await _bed.SyncAsync(_bed.Options("acme/missing", "acme/api"));

        report.Repositories[0].Should().Match<GitHubRepositoryResult>(r => r.Status == GitHubRepositoryStatus.Failed && r.Message!.Contains("404") && r.Message.Contains("repos/acme/missing"));
        report.Repositories[1].Status.Should().Be(GitHubRepositoryStatus.Synced);
    }

    [Fact]
    public async Task SyncAsync_RenamedRepository_FollowsTheRedirectAndStoresUnderTheNewName()
    {
        Seed("acme/old");
        _bed.Server.Rename("acme/old", "acme/new");

        var report = await _bed.SyncAsync(_bed.Options("acme/old"));

        report.Repositories[0].Should().Match<GitHubRepositoryResult>(r => r.Status == GitHubRepositoryStatus.Synced && r.RenamedTo == "acme/new");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(5).And.OnlyContain(p => p.Repository == "acme/new");
        (await _bed.ReadAsync(Entities.Repositories)).Should().ContainSingle().Which.FullName.Should().Be("acme/new");
        _bed.Server.Log.Should().Contain(l => l.Status == 301);
    }

    [Fact]
    public async Task SyncAsync_BodyAlwaysMalformed_FailsNamingTheUrl()
    {
        Seed("acme/api");
        _bed.Server.Fault("/deployments", FakeFaultKind.TruncatedJson, times: 1000);

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain($"GET {_bed.Server.BaseUrl}repos/acme/api/deployments?per_page=2").And.Contain("malformed JSON");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEmpty();
    }

    [Fact]
    public async Task SyncAsync_PrimaryLimitExhaustedForLong_StopsAndSaysWhatIsMissing()
    {
        Seed("acme/api");
        Seed("acme/web");
        _bed.Server.Reset = GitHubTestBed.Now.AddHours(1);
        _bed.Server.Fault("/pulls", FakeFaultKind.PrimaryLimit, times: 1);

        var report = await _bed.SyncAsync(_bed.Options("acme/api", "acme/web"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain("primary rate limit").And.Contain("exceeds the allowed 15 min");
        report.Repositories[1].Should().Match<GitHubRepositoryResult>(r => r.Status == GitHubRepositoryStatus.Skipped && r.Message!.Contains("rate limit"));
    }

    [Fact]
    public async Task SyncAsync_PrimaryLimitResetsSoon_WaitsForTheResetAndSucceeds()
    {
        Seed("acme/api");
        _bed.Server.Reset = GitHubTestBed.Now.AddMinutes(2);
        _bed.Server.Fault("/pulls", FakeFaultKind.PrimaryLimit, times: 1);

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        // Two minutes to the reset plus one second for clock skew.
        _bed.Time.Delays.Should().Contain(TimeSpan.FromSeconds(121));
    }

    [Fact]
    public async Task SyncAsync_FewRequestsLeft_SpacesThemOutUntilTheReset()
    {
        Seed("acme/api");
        _bed.Server.Limit = 1000;
        _bed.Server.Remaining = 80;
        _bed.Server.Reset = GitHubTestBed.Now.AddMinutes(10);

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { MaxConcurrentRequests = 1 });

        report.Succeeded.Should().BeTrue();
        // 79 left after the first request (below the 10% reserve of 100), 600 s to the reset: 600 / 79 ≈ 7.6 s before
        // the second request; the clock moves with each wait, so later gaps stay near 600 s / remaining.
        _bed.Time.Delays.First().TotalSeconds.Should().BeApproximately(600.0 / 79, 0.01);
        // GraphQL queries are charged to, and paced by, their own bucket, which has plenty left.
        report.GraphQLQueries.Should().BeGreaterThan(0);
        _bed.Time.Delays.Should().HaveCount(report.Requests - report.GraphQLQueries - 1);
        _bed.Server.Remaining.Should().BeGreaterThan(0, "pacing never runs the budget into zero");
    }

    [Fact]
    public async Task SyncAsync_FirstSyncWithSince_ReadsOnlyWhatChangedAfterIt()
    {
        Seed("acme/api");

        // PR n is updated at Day + (n + 1) h: from Day + 4 h on, PRs 3, 4 and 5.
        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { Since = Day.AddHours(4) });

        report.Repositories[0].PullRequests.Should().Be(3);
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([3, 4, 5]);
    }

    [Fact]
    public async Task SyncAsync_Organisation_AppliesIncludeAndExcludeAndSkipsArchived()
    {
        Seed("acme/api");
        Seed("acme/web");
        Seed("acme/legacy").Archived = true;
        Seed("acme/tools");
        _bed.Server.Organisations["acme"] = ["acme/api", "acme/web", "acme/legacy", "acme/tools"];
        var options = _bed.Options() with { Organisations = ["acme"], Include = ["acme/*"], Exclude = ["*/web", "acme/t??ls"] };

        var report = await _bed.SyncAsync(options);

        report.Repositories.Select(r => (r.Repository, r.Status)).Should().BeEquivalentTo(new[]
        {
            ("acme/legacy", GitHubRepositoryStatus.Skipped),
            ("acme/api", GitHubRepositoryStatus.Synced),
        });
    }

    [Fact]
    public async Task SyncAsync_EveryFailure_NeverShowsTheToken()
    {
        Seed("acme/api");
        var kinds = new[] { FakeFaultKind.ServerError, FakeFaultKind.MissingPermission, FakeFaultKind.NotFound, FakeFaultKind.TruncatedJson, FakeFaultKind.SecondaryLimit };
        var messages = new List<string>();
        foreach (var kind in kinds)
        {
            _bed.Server.Faults.Clear();
            _bed.Server.Fault("/repos/acme/api", kind, times: 1000);
            var report = await _bed.SyncAsync(_bed.Options("acme/api") with { MaxRateLimitWait = TimeSpan.FromSeconds(1) });
            messages.Add(report.Repositories[0].Message!);
        }

        messages.Should().HaveCount(kinds.Length).And.OnlyContain(m => m.Length > 0 && !m.Contains(_bed.Server.Token, StringComparison.Ordinal));
    }
}
