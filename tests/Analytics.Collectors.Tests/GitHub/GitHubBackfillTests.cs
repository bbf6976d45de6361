using Analytics.Collectors.GitHub;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubBackfillTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-10);
    private readonly GitHubTestBed _bed = new();
    private readonly FakeRepository _repository;

    public GitHubBackfillTests()
    {
        _repository = _bed.Server.AddRepository("acme/api");
        // #n is updated on day n: newest first is 6, 5, 4, 3, 2, 1.
        for (var number = 1; number <= 6; number++)
        {
            _repository.AddPull(number, Day, Day.AddDays(number));
        }
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private int Served(int number) => _bed.Server.GraphQLServed.Count(n => n == $"acme/api#{number}");

    [Fact]
    public async Task SyncAsync_BackfillToAnEarlierDate_StoresWhatTheWatermarkHadPassed()
    {
        await _bed.SyncAsync(_bed.Options("acme/api") with { Since = Day.AddDays(4) });
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(3, "#4, #5 and #6 are on or after day 4");

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { Since = Day.AddDays(2), Backfill = true });

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced, report.Repositories[0].Message);
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task SyncAsync_BackfillStoppedMidway_NextRunResumesFromTheCursor()
    {
        // Commits of two: [6, 5] is committed when #4 comes; [4, 3] waits for the next different time, but the GraphQL
        // page with #2 fails for good.
        _bed.Server.GraphQLErrorFor(2);
        var options = _bed.Options("acme/api") with { Since = Day, Backfill = true };

        var first = await _bed.SyncAsync(options);

        first.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([5, 6]);

        var second = await _bed.SyncAsync(options);

        second.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced, second.Repositories[0].Message);
        second.Repositories[0].PullRequests.Should().Be(4, "only #4, #3, #2 and #1 were left");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(6);
        (await _bed.ReadAsync(Entities.Reviews)).Should().HaveCount(6);
        // The resumed run lists from the top again (a page costs one query); the committed ones are left out, their
        // nested connections not read on. The failed page is served once, the second time.
        Served(6).Should().Be(2);
        Served(2).Should().Be(1, "the failed page was answered with an error the first time");
    }

    [Fact]
    public async Task SyncAsync_BackfillDone_LaterRunsAreIncremental()
    {
        var options = _bed.Options("acme/api") with { Since = Day, Backfill = true };
        await _bed.SyncAsync(options);

        var report = await _bed.SyncAsync(options);

        report.Repositories[0].PullRequests.Should().Be(0);
        report.Repositories[0].Changed.Should().Be(0);
        Served(1).Should().Be(1, "the incremental run's probe answered 304: nothing was read again");
        report.GraphQLQueries.Should().Be(0);
    }

    [Fact]
    public async Task SyncAsync_RunAfterABackfill_SpendsNoPrimaryRequests()
    {
        var options = _bed.Options("acme/api") with { Since = Day, Backfill = true };
        await _bed.SyncAsync(options);
        var charged = _bed.Server.Charged;

        await _bed.SyncAsync(options);

        // The repository itself, the pull-request probe, runs and deployments all answer 304 to the entity tags of the
        // backfilling run, the repository's included (it was once dropped with the backfill's cache).
        _bed.Server.Charged.Should().Be(charged);
    }
}
