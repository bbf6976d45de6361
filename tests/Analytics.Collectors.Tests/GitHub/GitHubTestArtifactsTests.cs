using Analytics.Collectors.GitHub;
using Analytics.Domain.Testing;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubTestArtifactsTests : IAsyncDisposable
{
    private const string Report = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="api.RetryTests" tests="2" failures="1" time="0.3">
            <testcase classname="api.RetryTests" name="retries_twice" time="0.1"/>
            <testcase classname="api.RetryTests" name="gives_up" time="0.2"><failure message="expected 2">at Retry.cs:12</failure></testcase>
          </testsuite>
        </testsuites>
        """;

    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-1);
    private readonly GitHubTestBed _bed = new();
    private readonly FakeRepository _repository;
    private readonly long _run;

    public GitHubTestArtifactsTests()
    {
        _repository = _bed.Server.AddRepository("acme/api");
        _run = _repository.AddRun(Day, attempts: 2);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private GitHubOptions Options() => _bed.Options("acme/api") with { ArtifactPatterns = ["*junit*", "*test-results*"] };

    private int Downloads => _bed.Server.Log.Count(l => l.PathAndQuery.EndsWith("/zip", StringComparison.Ordinal));

    [Fact]
    public async Task SyncAsync_RunWithMatchingArtifact_IngestsItsReportsWithRunMetadata()
    {
        _repository.AddArtifact(_run, "junit-results", new Dictionary<string, string> { ["unit/TEST-api.xml"] = Report, ["readme.txt"] = "not a report" });
        _repository.AddArtifact(_run, "coverage", new Dictionary<string, string> { ["coverage.xml"] = "<coverage/>" });

        var report = await _bed.SyncAsync(Options());

        var result = report.Repositories.Should().ContainSingle().Subject;
        result.Status.Should().Be(GitHubRepositoryStatus.Synced, result.Message);
        result.Warnings.Should().BeEmpty();
        result.TestReports.Should().Be(1);
        var results = await _bed.ReadAsync(Entities.TestResults);
        results.Should().HaveCount(2);
        var run = (await _bed.ReadAsync(Entities.WorkflowRuns)).Single(r => r.Attempt == 2);
        results.Should().AllSatisfy(r =>
        {
            r.Repository.Should().Be("acme/api");
            r.RunId.Should().Be(_run.ToString(System.Globalization.CultureInfo.InvariantCulture));
            r.Attempt.Should().Be(2, "the run's latest attempt");
            r.CommitSha.Should().Be(run.HeadSha);
            r.Branch.Should().Be("main");
            r.Job.Should().Be("junit-results");
        });
        results.Should().ContainSingle(r => r.Outcome == TestOutcome.Failed);
        Downloads.Should().Be(1, "'coverage' matches no pattern");
        _bed.Server.BlobRequestsWithToken.Should().Be(0, "the pre-signed URL gets no token");
    }

    [Fact]
    public async Task SyncAsync_NothingChanged_DownloadsNothingAgain()
    {
        _repository.AddArtifact(_run, "junit-results", new Dictionary<string, string> { ["TEST-api.xml"] = Report });
        await _bed.SyncAsync(Options());
        var downloads = Downloads;

        var report = await _bed.SyncAsync(Options());

        report.Repositories[0].TestReports.Should().Be(0);
        Downloads.Should().Be(downloads);
        (await _bed.ReadAsync(Entities.TestResults)).Should().HaveCount(2);
    }

    [Fact]
    public async Task SyncAsync_MalformedReport_WarnsWithArtifactFileAndLineAndKeepsTheOthers()
    {
        _repository.AddArtifact(_run, "test-results", new Dictionary<string, string>
        {
            ["bad.xml"] = "<testsuite name=\"s\">\n<testcase name=\"a\">\n<oops",
            ["good.xml"] = Report,
        });

        var report = await _bed.SyncAsync(Options());

        var result = report.Repositories[0];
        result.Status.Should().Be(GitHubRepositoryStatus.Synced, result.Message);
        result.TestReports.Should().Be(1);
        result.Warnings.Should().ContainSingle().Which.Should().Contain("artifact 'test-results'").And.Contain("test-results/bad.xml:3");
        (await _bed.ReadAsync(Entities.TestResults)).Should().HaveCount(2);
        (await _bed.ReadAsync(Entities.WorkflowRuns)).Should().HaveCount(2, "the sync went on");
    }

    [Fact]
    public async Task SyncAsync_ExpiredOrGoneArtifacts_AreNotedNotFatal()
    {
        _repository.AddArtifact(_run, "junit-old", new Dictionary<string, string> { ["a.xml"] = Report }, expired: true);
        _repository.AddArtifact(_run, "junit-gone", new Dictionary<string, string> { ["a.xml"] = Report }, gone: true);

        var report = await _bed.SyncAsync(Options());

        var result = report.Repositories[0];
        result.Status.Should().Be(GitHubRepositoryStatus.Synced, result.Message);
        result.Warnings.Should().HaveCount(2);
        result.Warnings.Should().ContainSingle(w => w.Contains("'junit-old'", StringComparison.Ordinal) && w.Contains("expired (past its retention)", StringComparison.Ordinal));
        result.Warnings.Should().ContainSingle(w => w.Contains("'junit-gone'", StringComparison.Ordinal) && w.Contains("410 Gone", StringComparison.Ordinal));
        Downloads.Should().Be(1, "a listed-as-expired artifact is not requested");
    }

    [Fact]
    public async Task SyncAsync_ArtifactInflatingPastTheLimit_IsRefusedWhole()
    {
        // 2 MB of blanks compress to a few kilobytes: the limit counts inflated bytes, not the declared or zipped size.
        var bomb = "<testsuite name=\"s\">" + new string(' ', 2_000_000) + "</testsuite>";
        _repository.AddArtifact(_run, "junit-bomb", new Dictionary<string, string> { ["good.xml"] = Report, ["z.xml"] = bomb });

        var report = await _bed.SyncAsync(Options() with { MaxArtifactExtractedBytes = 1 << 20 });

        report.Repositories[0].Warnings.Should().ContainSingle().Which.Should().Contain("inflate to more than GitHub:MaxArtifactExtractedBytes (1048576 bytes)");
        (await _bed.ReadAsync(Entities.TestResults)).Should().BeEmpty("no report of a refused artifact is ingested");
    }

    [Fact]
    public async Task SyncAsync_ArtifactWithTooManyEntries_IsRefused()
    {
        var files = Enumerable.Range(1, 5).ToDictionary(i => $"r{i}.xml", _ => Report);
        _repository.AddArtifact(_run, "junit-many", files);

        var report = await _bed.SyncAsync(Options() with { MaxArtifactEntries = 3 });

        report.Repositories[0].Warnings.Should().ContainSingle().Which.Should().Contain("5 entries is over GitHub:MaxArtifactEntries (3)");
        (await _bed.ReadAsync(Entities.TestResults)).Should().BeEmpty();
    }

    [Fact]
    public async Task SyncAsync_NoPatterns_ListsNoArtifacts()
    {
        _repository.AddArtifact(_run, "junit-results", new Dictionary<string, string> { ["a.xml"] = Report });

        await _bed.SyncAsync(_bed.Options("acme/api"));

        _bed.Server.Log.Should().NotContain(l => l.PathAndQuery.Contains("/artifacts", StringComparison.Ordinal));
    }
}
