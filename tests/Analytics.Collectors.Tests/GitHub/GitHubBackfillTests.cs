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

    private int DetailRequests(int number) => _bed.Server.Log.Count(l => l.PathAndQuery == $"/repos/acme/api/pulls/{number}");

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
        // Pages of two: [6, 5] and [4, 3] are committed, then #2 fails for good.
        _bed.Server.Fault("/pulls/2/reviews", FakeFaultKind.NotFound);
        var options = _bed.Options("acme/api") with { Since = Day, Backfill = true };

        var first = await _bed.SyncAsync(options);

        first.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Failed);
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([3, 4, 5, 6]);

        var second = await _bed.SyncAsync(options);

        second.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced, second.Repositories[0].Message);
        second.Repositories[0].PullRequests.Should().Be(2, "only #2 and #1 were left");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(6);
        (await _bed.ReadAsync(Entities.Reviews)).Should().HaveCount(6);
        DetailRequests(6).Should().Be(1, "a committed page is not read again");
        DetailRequests(2).Should().Be(2, "the failed one is read again");
    }

    [Fact]
    public async Task SyncAsync_BackfillDone_LaterRunsAreIncremental()
    {
        var options = _bed.Options("acme/api") with { Since = Day, Backfill = true };
        await _bed.SyncAsync(options);

        var report = await _bed.SyncAsync(options);

        report.Repositories[0].PullRequests.Should().Be(0);
        report.Repositories[0].Changed.Should().Be(0);
        DetailRequests(1).Should().Be(1);
    }
}
