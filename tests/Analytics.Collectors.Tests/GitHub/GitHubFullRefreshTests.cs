using Analytics.Collectors.GitHub;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubFullRefreshTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-1);
    private readonly GitHubTestBed _bed = new();
    private readonly FakeRepository _repository;
    private readonly long _keptRun;
    private readonly long _deletedRun;

    public GitHubFullRefreshTests()
    {
        _repository = _bed.Server.AddRepository("acme/api");
        for (var number = 1; number <= 4; number++)
        {
            _repository.AddPull(number, Day.AddHours(number), Day.AddHours(number + 1));
        }

        _keptRun = _repository.AddRun(Day.AddHours(1));
        _deletedRun = _repository.AddRun(Day.AddHours(2), attempts: 2);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private void DeleteUpstream()
    {
        // A PR deleted (spam) and a run deleted upstream.
        _repository.Pulls.Remove(3);
        _repository.Runs.Remove(_deletedRun);
    }

    [Fact]
    public async Task SyncAsync_FullRefresh_RemovesWhatGitHubNoLongerListsWithItsChildren()
    {
        await _bed.SyncAsync(_bed.Options("acme/api"));
        DeleteUpstream();

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { FullRefresh = true });

        var result = report.Repositories.Should().ContainSingle().Subject;
        result.Status.Should().Be(GitHubRepositoryStatus.Synced, result.Message);
        result.Removed.Should().Be(2, "one pull request and one run");
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([1, 2, 4]);
        (await _bed.ReadAsync(Entities.Reviews)).Should().HaveCount(3).And.NotContain(r => r.PullRequestId == "acme/api#3");
        (await _bed.ReadAsync(Entities.ReviewComments)).Should().NotContain(c => c.PullRequestId == "acme/api#3");
        (await _bed.ReadAsync(Entities.PullRequestCommits)).Should().NotContain(c => c.PullRequestId == "acme/api#3");
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().HaveCount(6).And.NotContain(f => f.PullRequestId == "acme/api#3");
        var kept = _keptRun.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await _bed.ReadAsync(Entities.WorkflowRuns)).Should().ContainSingle().Which.RunId.Should().Be(kept);
        // Two jobs of two steps remain: the kept run's.
        (await _bed.ReadAsync(Entities.CiJobs)).Should().HaveCount(2).And.OnlyContain(j => j.RunId == kept);
        (await _bed.ReadAsync(Entities.CiSteps)).Should().HaveCount(4);
    }

    [Fact]
    public async Task SyncAsync_Incremental_KeepsWhatWasDeletedUpstream()
    {
        await _bed.SyncAsync(_bed.Options("acme/api"));
        DeleteUpstream();

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Removed.Should().Be(0);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(4);
        (await _bed.ReadAsync(Entities.WorkflowRuns)).Should().HaveCount(3);
    }

    [Fact]
    public async Task SyncAsync_FullRefreshFromADate_LeavesRecordsBeforeItAlone()
    {
        await _bed.SyncAsync(_bed.Options("acme/api"));
        // #1 (updated Day+2h) falls before the refreshed range and is deleted upstream: out of range, so it stays.
        _repository.Pulls.Remove(1);
        _repository.Pulls.Remove(3);

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { FullRefresh = true, Since = Day.AddHours(2.5) });

        report.Repositories[0].Removed.Should().Be(1);
        (await _bed.ReadAsync(Entities.PullRequests)).Select(p => p.Number).Should().BeEquivalentTo([1, 2, 4]);
    }

    [Fact]
    public async Task SyncAsync_FullRefreshNothingDeleted_RemovesNothingAndChangesNothing()
    {
        await _bed.SyncAsync(_bed.Options("acme/api"));

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { FullRefresh = true });

        report.Repositories[0].Removed.Should().Be(0);
        report.Repositories[0].Changed.Should().Be(0);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(4);
    }
}
