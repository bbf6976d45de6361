using Analytics.Domain.Code;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubPullRequestFilesTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-1);
    private readonly GitHubTestBed _bed = new();
    private readonly FakeRepository _repository;

    public GitHubPullRequestFilesTests()
    {
        _repository = _bed.Server.AddRepository("acme/api");
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task SyncAsync_PullRequestsWithFiles_StoresEveryFileOverPages()
    {
        _repository.AddPull(1, Day, Day.AddHours(1), files: 5);
        _repository.AddPull(2, Day, Day.AddHours(2), files: 1);

        var report = await _bed.SyncAsync(_bed.Options("acme/api") with { RenameOrigins = true });

        report.Repositories[0].Warnings.Should().BeEmpty();
        var files = await _bed.ReadAsync(Entities.PullRequestFiles);
        // 5 files over 3 pages of 2 for #1, and 1 for #2.
        files.Should().HaveCount(6);
        files.Should().ContainEquivalentOf(new PullRequestFile("github", "acme/api#1", "acme/api", "src/pr1/file2.cs", "src/pr1/old2.cs", FileChangeKind.Renamed, 6, 2));
        files.Should().ContainEquivalentOf(new PullRequestFile("github", "acme/api#1", "acme/api", "src/pr1/file1.cs", null, FileChangeKind.Modified, 3, 1));
        // File 5 is "binary": GitHub reports 0 lines.
        files.Should().ContainEquivalentOf(new PullRequestFile("github", "acme/api#1", "acme/api", "src/pr1/file5.cs", null, FileChangeKind.Added, 0, 0));
    }

    [Fact]
    public async Task SyncAsync_RenameOriginsOff_StoresRenamedFilesWithoutOldPathAndReadsNoRestFiles()
    {
        _repository.AddPull(1, Day, Day.AddHours(1), files: 3);

        await _bed.SyncAsync(_bed.Options("acme/api"));

        // File 2 of every fake pull request is a rename: stored as one, without the path GraphQL does not give.
        var files = await _bed.ReadAsync(Entities.PullRequestFiles);
        files.Should().ContainEquivalentOf(new PullRequestFile("github", "acme/api#1", "acme/api", "src/pr1/file2.cs", null, FileChangeKind.Renamed, 6, 2));
        _bed.Server.Log.Select(l => l.PathAndQuery).Should().NotContain(p => p.Contains("/files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_PullRequestUpdatedWithFewerFiles_RemovesFilesNoLongerChanged()
    {
        _repository.AddPull(1, Day, Day.AddHours(1), files: 4);
        _repository.AddPull(2, Day, Day.AddHours(2), files: 3);
        await _bed.SyncAsync(_bed.Options("acme/api"));

        // #1 is force-pushed: it now changes only two of its files. #2 is untouched and keeps its three.
        _repository.AddPull(1, Day, Day.AddHours(5), files: 2);
        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].PullRequests.Should().Be(1);
        var files = await _bed.ReadAsync(Entities.PullRequestFiles);
        files.Where(f => f.PullRequestId == "acme/api#1").Select(f => f.Path).Should().BeEquivalentTo(["src/pr1/file1.cs", "src/pr1/file2.cs"]);
        files.Count(f => f.PullRequestId == "acme/api#2").Should().Be(3);
    }

    [Fact]
    public async Task SyncAsync_PullRequestBeyondGitHubsFileCap_StoresTheListedAndWarns()
    {
        _repository.AddPull(1, Day, Day.AddHours(1), files: 3005);
        var options = _bed.Options("acme/api") with { PageSize = 100 };

        var report = await _bed.SyncAsync(options);

        report.Repositories[0].Status.Should().Be(Analytics.Collectors.GitHub.GitHubRepositoryStatus.Synced);
        report.Repositories[0].Warnings.Should().ContainSingle()
            .Which.Should().Be("acme/api#1: GitHub lists only 3000 of its 3005 changed files; the first 3000 are stored (the pull request's changed-file count is still the full one)");
        (await _bed.ReadAsync(Entities.PullRequestFiles)).Should().HaveCount(3000);
        (await _bed.ReadAsync(Entities.PullRequests)).Single().ChangedFiles.Should().Be(3005);
    }

    [Fact]
    public async Task SyncAsync_UnknownFileStatus_FailsTheRepositoryNamingStatusAndUrl()
    {
        _repository.AddPull(1, Day, Day.AddHours(1), files: 1);
        _repository.Files[1][0]["status"] = "exploded";

        var report = await _bed.SyncAsync(_bed.Options("acme/api"));

        report.Repositories[0].Message.Should().Contain("file status 'exploded'").And.Contain("(query PullRequests) at acme/api#1 files");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEmpty("nothing of a failed repository is written");
    }
}
