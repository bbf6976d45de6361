using System.Text.Json.Nodes;
using Analytics.Collectors.GitHub;
using Analytics.Domain.Code;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubGraphQLTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-3);
    private readonly GitHubTestBed _bed = new();
    private readonly GitHubTestBed _rest = new();

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        await _rest.DisposeAsync();
    }

    /// <summary>GraphQL pages of 10 pull requests; REST lists of 100 (only the probe and renamed files use them).</summary>
    private GitHubOptions Options(GitHubTestBed bed) => bed.Options("acme/api") with { PageSize = 100, GraphQLPageSize = 10 };

    // Every file modified or added: GraphQL alone has all a file record needs.
    private static void WithoutRenames(FakeRepository repository, int number)
    {
        foreach (var file in repository.Files[number])
        {
            if ((string?)file["status"] == "renamed")
            {
                file["status"] = "modified";
                file["previous_filename"] = null;
            }
        }
    }

    /// <summary>
    /// One pull request longer than every nested page: 25 labels (page 20), 45 reviews (30), 24 review threads (20) one
    /// of which has 15 comments (10 per thread), 120 commits (50) and 250 files (100).
    /// </summary>
    private static void SeedLong(FakeRepository repository)
    {
        var pull = repository.AddPull(1, Day, Day.AddHours(1), reviews: 45, comments: 24, commits: 120, files: 250);
        WithoutRenames(repository, 1);
        pull["labels"] = new JsonArray(Enumerable.Range(1, 25).Select(i => (JsonNode)new JsonObject { ["name"] = $"label-{i}" }).ToArray());
        var root = repository.Comments[1][0];
        for (var i = 1; i <= 14; i++)
        {
            repository.Comments[1].Add(new JsonObject
            {
                ["id"] = 9_000_000_000L + i,
                ["pull_request_review_id"] = 8_000_000_000L,
                ["in_reply_to_id"] = (long)root["id"]!,
                ["user"] = FakeRepository.User(i % 2 == 0 ? "carol" : "dependabot[bot]", bot: i % 2 == 1),
                ["path"] = "src/app.cs",
                ["created_at"] = FakeRepository.Iso(Day.AddMinutes(30 + i)),
            });
        }

        repository.AddPull(2, Day, Day.AddHours(2));
    }

    [Fact]
    public async Task SyncAsync_NestedConnectionsLongerThanTheirPage_ReadsThemOnAndStoresEverythingServed()
    {
        SeedLong(_bed.Server.AddRepository("acme/api"));

        var report = await _bed.SyncAsync(Options(_bed) with { RenameOrigins = true });

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        var pull = (await _bed.ReadAsync(Entities.PullRequests)).Single(p => p.Number == 1);
        pull.Labels.Should().HaveCount(25);
        (await _bed.ReadAsync(Entities.Reviews)).Count(r => r.PullRequestId == "acme/api#1").Should().Be(45);
        (await _bed.ReadAsync(Entities.ReviewComments)).Count(c => c.PullRequestId == "acme/api#1").Should().Be(24 + 14);
        (await _bed.ReadAsync(Entities.PullRequestCommits)).Count(c => c.PullRequestId == "acme/api#1").Should().Be(120);
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Count(f => f.PullRequestId == "acme/api#1").Should().Be(250);
        // The six continuations (five nested connections and the long thread) go in one batched follow-up query of
        // 100 each; files (100 came, 150 left) need one more page, alone in a second batch. Before batching these were
        // seven follow-up queries, one per connection page.
        _bed.Server.GraphQLLog.Select(q => q.Operation).Should().Equal("PullRequests", "PullRequestFollowUps", "PullRequestFollowUps");
        _bed.Server.Log.Select(l => l.PathAndQuery).Should().NotContain(p => p.Contains("/pulls/1/", StringComparison.Ordinal), "none of #1's files was renamed: REST is not needed")
            .And.Contain("/repos/acme/api/pulls/2/files?per_page=100", "#2 has a renamed file, whose previous path only REST gives");
    }

    // Continuations in a batched follow-up query: one per alias, each with its page size variable f{i}.
    private static int Continuations(JsonObject variables) =>
        variables.Count(v => v.Key.Length > 1 && v.Key[0] == 'f' && v.Key[1..].All(char.IsAsciiDigit));

    [Fact]
    public async Task SyncAsync_PageWithSeveralLongPullRequests_ReadsTheirFollowUpsInOneBatchedQuery()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        // Six continuations of four pull requests: #1–#4 have 150 files (100 per page), #2 has 60 commits (50 per
        // page), #3 has 35 reviews (30 per page); #5 fits its page.
        for (var number = 1; number <= 5; number++)
        {
            repository.AddPull(number, Day, Day.AddHours(number), reviews: number == 3 ? 35 : 1, commits: number == 2 ? 60 : 1, files: number <= 4 ? 150 : 2);
            WithoutRenames(repository, number);
        }

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        _bed.Server.GraphQLLog.Select(q => q.Operation).Should().Equal("PullRequests", "PullRequestFollowUps");
        Continuations(_bed.Server.GraphQLLog.Last().Variables).Should().Be(6);
        // Cost: six connections of 100 = 6 requests, / 100, rounded up to the minimum of 1 (source-apis.md §1.11).
        _bed.Server.GraphQLLog.Last().Cost.Should().Be(1);
        _bed.Server.GraphQLLog.Last().Nodes.Should().Be(600);
        var files = await _bed.ReadAsync(Entities.PullRequestFiles);
        files.GroupBy(f => f.PullRequestId).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["acme/api#1"] = 150, ["acme/api#2"] = 150, ["acme/api#3"] = 150, ["acme/api#4"] = 150, ["acme/api#5"] = 2,
        });
        (await _bed.ReadAsync(Entities.PullRequestCommits)).Count(c => c.PullRequestId == "acme/api#2").Should().Be(60);
        (await _bed.ReadAsync(Entities.Reviews)).Count(r => r.PullRequestId == "acme/api#3").Should().Be(35);
    }

    [Fact]
    public async Task SyncAsync_LongThreadOnAFollowUpPageOfThreads_ReadsItsCommentsInTheNextBatch()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        repository.AddPull(1, Day, Day.AddHours(1), comments: 24);
        WithoutRenames(repository, 1);
        // The 23rd thread (beyond the page's 20) gets 14 replies: 15 comments, 10 of which come with the follow-up page.
        var root = repository.Comments[1][22];
        for (var i = 1; i <= 14; i++)
        {
            repository.Comments[1].Add(new JsonObject
            {
                ["id"] = 9_100_000_000L + i,
                ["pull_request_review_id"] = 8_000_000_000L,
                ["in_reply_to_id"] = (long)root["id"]!,
                ["user"] = FakeRepository.User("carol"),
                ["path"] = "src/app.cs",
                ["created_at"] = FakeRepository.Iso(Day.AddMinutes(30 + i)),
            });
        }

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        // Page; the threads' follow-up (threads 21–24); the long thread's last 5 comments through node(id:).
        _bed.Server.GraphQLLog.Select(q => q.Operation).Should().Equal("PullRequests", "PullRequestFollowUps", "PullRequestFollowUps");
        _bed.Server.GraphQLLog.Last().Variables.Should().ContainKey("id0");
        (await _bed.ReadAsync(Entities.ReviewComments)).Count(c => c.PullRequestId == "acme/api#1").Should().Be(24 + 14);
    }

    [Fact]
    public async Task SyncAsync_ContinuationsSpanningSeveralBatches_StoresEverythingInTheFewestQueries()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        // Twelve pull requests of 350 files in one page of 20: each needs three follow-up pages (100, 100, 50), 36
        // in all; at most 10 per query, pages of one pull request in later batches: ceil(36 / 10) = 4 queries.
        for (var number = 1; number <= 12; number++)
        {
            repository.AddPull(number, Day, Day.AddHours(number), files: 350);
            WithoutRenames(repository, number);
        }

        var report = await _bed.SyncAsync(Options(_bed) with { GraphQLPageSize = 20 });

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        var followUps = _bed.Server.GraphQLLog.Where(q => q.Operation == "PullRequestFollowUps").ToList();
        followUps.Select(q => Continuations(q.Variables)).Should().Equal(10, 10, 10, 6);
        (await _bed.ReadAsync(Entities.PullRequestFiles)).GroupBy(f => f.PullRequestId).Should().HaveCount(12).And.OnlyContain(g => g.Count() == 350);
    }

    [Fact]
    public async Task SyncAsync_BatchedFollowUpAnswers502_AsksAgainInSmallerBatchesAndStoresEverything()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 6; number++)
        {
            repository.AddPull(number, Day, Day.AddHours(number), files: 150);
            WithoutRenames(repository, number);
        }

        _bed.Server.GraphQLBadGatewayFor("PullRequestFollowUps");

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        // The batch of six gave up (502): the same six are asked for again, three at a time.
        _bed.Server.GraphQLLog.Where(q => q.Operation == "PullRequestFollowUps").Select(q => (Continuations(q.Variables), q.Status))
            .Should().Equal((6, 502), (3, 200), (3, 200));
        (await _bed.ReadAsync(Entities.PullRequestFiles)).GroupBy(f => f.PullRequestId).Should().HaveCount(6).And.OnlyContain(g => g.Count() == 150);
    }

    [Fact]
    public async Task SyncAsync_PullRequestBeyondGitHubsFileCapThroughGraphQL_StoresTheListedAndWarns()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        repository.AddPull(1, Day, Day.AddHours(1), files: 3005);
        WithoutRenames(repository, 1);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Repositories[0].Warnings.Should().ContainSingle()
            .Which.Should().StartWith("acme/api#1: GitHub lists only 3000 of its 3005 changed files");
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().HaveCount(3000);
        // 100 files in the page, then 29 follow-ups of 100: one continuation's pages follow each other, so batching
        // cannot save any of them.
        _bed.Server.GraphQLLog.Count(q => q.Operation == "PullRequestFollowUps").Should().Be(29);
        _bed.Server.Log.Should().NotContain(l => l.PathAndQuery.Contains("/files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_SameDataThroughGraphQLAndThroughRest_StoresIdenticalRecords()
    {
        foreach (var bed in new[] { _bed, _rest })
        {
            var repository = bed.Server.AddRepository("acme/api");
            SeedLong(repository);
            // Merged, closed without merging, draft; renamed files (REST supplies their previous path); a pending review.
            repository.AddPull(3, Day, Day.AddHours(3), merged: true, reviews: 4, comments: 3, commits: 5, files: 4);
            var closed = repository.AddPull(4, Day, Day.AddHours(4), author: "renovate[bot]");
            closed["state"] = "closed";
            closed["closed_at"] = FakeRepository.Iso(Day.AddHours(4));
            closed["user"] = FakeRepository.User("renovate[bot]", bot: true);
            repository.AddPull(5, Day, Day.AddHours(5))["draft"] = true;
            repository.Reviews[5].Add(new JsonObject { ["id"] = 7_000_000_001L, ["user"] = FakeRepository.User("bob"), ["state"] = "PENDING", ["submitted_at"] = null });
            repository.Reviews[3][1]["state"] = "CHANGES_REQUESTED";
        }

        var graph = await _bed.SyncAsync(Options(_bed) with { RenameOrigins = true });
        var rest = await _rest.SyncAsync(Options(_rest) with { GraphQL = false });

        graph.Succeeded.Should().BeTrue(graph.Repositories[0].Message);
        rest.Succeeded.Should().BeTrue(rest.Repositories[0].Message);
        graph.GraphQLQueries.Should().BeGreaterThan(0);
        rest.GraphQLQueries.Should().Be(0);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.PullRequests));
        (await _bed.ReadAsync(Entities.Reviews)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.Reviews));
        (await _bed.ReadAsync(Entities.ReviewComments)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.ReviewComments));
        (await _bed.ReadAsync(Entities.PullRequestCommits)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.PullRequestCommits));
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.PullRequestFiles));
        (await _bed.ReadAsync(Entities.Identities)).Should().BeEquivalentTo(await _rest.ReadAsync(Entities.Identities));
        // The cases the comparison is about are there.
        var pulls = await _bed.ReadAsync(Entities.PullRequests);
        pulls.Select(p => p.State).Should().Contain([PullRequestState.Merged, PullRequestState.Closed, PullRequestState.Open]);
        pulls.Should().Contain(p => p.IsDraft).And.Contain(p => p.Author == "renovate[bot]");
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().Contain(f => f.Kind == FileChangeKind.Renamed && f.OldPath != null);
        (await _bed.ReadAsync(Entities.Identities)).Should().Contain(i => i.SourceId == "dependabot[bot]" && i.IsBot);
    }

    [Fact]
    public async Task SyncAsync_PagesHeavierThanGitHubAnswers_ShrinksAndStillStoresEverything()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 30; number++)
        {
            repository.AddPull(number, Day, Day.AddMinutes(number), files: 1);
        }

        // A pull request asks for 1 + 20 + 30 + 20 + 20 × 10 + 50 + 100 = 421 nodes: two pass, four are "too heavy".
        _bed.Server.HeavyNodes = 2 * 421;

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(30);
        report.GraphQLPageSize!.Smallest.Should().Be(2, "10 → 5 → 2 (halves, rounded down) until a page passes");
        report.GraphQLPageSize.Shrinks.Should().BeGreaterThanOrEqualTo(2);
        report.GraphQLPageSize.Grows.Should().BeGreaterThan(0, "after three pages of two it tries four again");
        _bed.Server.GraphQLLog.Should().Contain(q => q.Status == 502).And.OnlyContain(q => q.Status == 502 || q.Nodes <= 2 * 421);
        _bed.Server.GraphQLServed.Distinct().Should().HaveCount(30);
    }

    [Fact]
    public async Task SyncAsync_TwoBadGatewaysThenNone_ShrinksThenGrowsBackToTheConfiguredSize()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 40; number++)
        {
            repository.AddPull(number, Day, Day.AddMinutes(number), files: 1);
        }

        _bed.Server.Fault("/graphql", FakeFaultKind.ServerError, times: 2);

        var report = await _bed.SyncAsync(Options(_bed) with { GraphQLPageSize = 8 });

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(40);
        // 8 → 4 → 2 after the two 502s; pages of 2, 2, 2, then 4, 4, 4, then 8 (2 × 3 + 4 × 3 = 18, then 8 each).
        report.GraphQLPageSize.Should().Be(new GitHubPageSizeReport(8, 2, 2, 2));
        _bed.Server.GraphQLLog.Where(q => q.Status == 200).Select(q => (int)q.Variables["first"]!).Should().Equal(2, 2, 2, 4, 4, 4, 8, 8, 8);
        _bed.Time.Delays.Should().BeEmpty("a too-heavy page is asked for again at once, smaller, without a backoff");
    }

    [Fact]
    public async Task SyncAsync_GraphQLConnectionResetAndTruncatedBody_RetriedWithoutShrinking()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 5; number++)
        {
            repository.AddPull(number, Day, Day.AddMinutes(number), files: 1);
        }

        _bed.Server.Fault("/graphql", FakeFaultKind.ConnectionReset);
        _bed.Server.Fault("/graphql", FakeFaultKind.TruncatedJson);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(5);
        _bed.Server.Log.Should().Contain(l => l.PathAndQuery == "/graphql" && l.Status == 0, "the connection was reset");
        report.GraphQLPageSize!.Shrinks.Should().Be(0, "neither says the page was too heavy");
        // Each fault costs one backoff; a pooled connection the server dropped with the reset can cost one more, which
        // the client retries the same way (seen once in CI), so the count is a floor, not exact.
        _bed.Time.Delays.Should().HaveCountGreaterThanOrEqualTo(2, "each was retried after a backoff")
            .And.HaveCountLessThanOrEqualTo(Options(_bed).MaxRetries, "no request needed more than the allowed retries");
    }

    [Fact]
    public async Task SyncAsync_NothingChanged_SecondRunSpendsNoPrimaryRequestsNorPoints()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 12; number++)
        {
            repository.AddPull(number, Day, Day.AddMinutes(number));
        }

        await _bed.SyncAsync(Options(_bed));
        var (requests, points) = (_bed.Server.Charged, _bed.Server.GraphQLCharged);
        points.Should().BeGreaterThan(0);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Repositories[0].Changed.Should().Be(0);
        report.GraphQLQueries.Should().Be(0, "the conditional probe answered 304");
        _bed.Server.Charged.Should().Be(requests);
        _bed.Server.GraphQLCharged.Should().Be(points);
    }

    [Fact]
    public async Task SyncAsync_BackfillOf500PullRequests_AtMostFiveHundredthsOfARequestPerPullRequest()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 500; number++)
        {
            repository.AddPull(number, Day, Day.AddMinutes(number), files: 1);
        }

        var options = _bed.Options("acme/api") with { PageSize = 100, GraphQLPageSize = 50, Since = Day, Backfill = true };

        var report = await _bed.SyncAsync(options);

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(500);
        (await _bed.ReadAsync(Entities.Reviews)).Should().HaveCount(500);
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().HaveCount(500);
        // 10 GraphQL pages of 50, the repository, the probe, the runs and the deployments lists: 14 requests.
        _bed.Server.Log.Count.Should().Be(14);
        ((double)_bed.Server.Log.Count / 500).Should().BeLessThanOrEqualTo(0.05);
        // Each page: (1 + 50 × 5 + 50 × 20) / 100 = 12.51 → 13 points.
        _bed.Server.GraphQLCharged.Should().Be(10 * 13);
        report.GraphQLCost.Should().Be(10 * 13);
    }

    [Fact]
    public async Task SyncAsync_GraphQLErrorWithStatus200_FailsNamingTheQueryAndThePath()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        repository.AddPull(1, Day, Day.AddHours(1));
        _bed.Server.GraphQLErrorFor(1);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain($"POST {_bed.Server.BaseUrl}graphql (query PullRequests)")
            .And.Contain("GraphQL error INTERNAL at repository.pullRequests.nodes[0]: Something broke resolving pull request 1")
            .And.NotContain(_bed.Server.Token);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEmpty();
    }

    [Fact]
    public async Task SyncAsync_GraphQLPrimaryLimitExhaustedUntilSoon_WaitsForTheResetAndSucceeds()
    {
        _bed.Server.AddRepository("acme/api").AddPull(1, Day, Day.AddHours(1));
        _bed.Server.Reset = GitHubTestBed.Now.AddMinutes(3);
        _bed.Server.Fault("/graphql", FakeFaultKind.PrimaryLimit);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Succeeded.Should().BeTrue(report.Repositories[0].Message);
        // 200 + RATE_LIMITED + remaining 0: three minutes to the reset plus one second for clock skew.
        _bed.Time.Delays.Should().Contain(TimeSpan.FromSeconds(181));
        (await _bed.ReadAsync(Entities.PullRequests)).Should().ContainSingle();
    }

    [Fact]
    public async Task SyncAsync_GraphQLPrimaryLimitExhaustedForLong_StopsSayingWhichLimit()
    {
        _bed.Server.AddRepository("acme/api").AddPull(1, Day, Day.AddHours(1));
        _bed.Server.Reset = GitHubTestBed.Now.AddHours(1);
        _bed.Server.Fault("/graphql", FakeFaultKind.PrimaryLimit);

        var report = await _bed.SyncAsync(Options(_bed));

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        report.Repositories[0].Message.Should().Contain("(query PullRequests)").And.Contain("primary rate limit (graphql)").And.Contain("exceeds the allowed 15 min");
    }

    [Fact]
    public async Task QueryAsync_FirstAboveOneHundred_IsRefusedByTheServerAndNamed()
    {
        var options = _bed.Options("acme/api");
        using var client = new GitHubClient(new HttpClient(), options, _bed.Time);
        var query = GraphQLPullRequests.FollowUpRequest("acme", "api", [new Continuation(new PendingPullRequest("acme/api", 1, default), "reviews", null, "b2Zmc2V0OjMw")]);
        query.Variables["f0"] = 101;

        var send = () => client.QueryAsync(query, mayShrink: false, default);

        (await send.Should().ThrowAsync<GitHubApiException>())
            .Which.Message.Should().Contain("(query PullRequestFollowUps)").And.Contain("EXCESSIVE_PAGINATION").And.Contain("`first` limit");
    }

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/graphql")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/graphql")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    public void GraphQLUrl_ApiRoot_IsGitHubsGraphQLEndpoint(string baseUrl, string expected)
    {
        using var client = new GitHubClient(new HttpClient(), new GitHubOptions { BaseUrl = new Uri(baseUrl), Token = "t" }, TimeProvider.System);

        client.GraphQLUrl.Should().Be(expected);
    }

    [Fact]
    public void ToString_OptionsWithAToken_ShowsNoToken()
    {
        var options = new GitHubOptions { Token = "ghp_very_secret_token_123", Repositories = ["acme/api"] };

        var text = options.ToString();

        text.Should().NotContain("ghp_very_secret_token_123").And.Contain("Token = ***").And.Contain("GraphQLPageSize = 50").And.StartWith("GitHubOptions { ");
        options.Token.Should().Be("ghp_very_secret_token_123", "only the text is redacted");
    }
}
