using System.Text.Json;

namespace Analytics.Host.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    // Two passes, one failure with a Gradle test-retry rerun that passed: passed 3, failed 1, retried 1.
    private const string Gradle = """
        <testsuite name="com.acme.ApiTest" tests="4" failures="1" errors="0" skipped="0" timestamp="2026-11-10T08:00:00" hostname="runner" time="1.0">
          <testcase name="gets" classname="com.acme.ApiTest" time="0.1"/>
          <testcase name="posts" classname="com.acme.ApiTest" time="0.2"/>
          <testcase name="retries" classname="com.acme.ApiTest" time="0.3"><failure message="timeout" type="java.net.SocketTimeoutException"/></testcase>
          <testcase name="retries" classname="com.acme.ApiTest" time="0.3"/>
        </testsuite>
        """;

    // One pass and one skip.
    private const string Other = """
        <testsuite name="com.acme.DbTest" tests="2" failures="0" errors="0" skipped="1" timestamp="2026-11-10T08:00:00" hostname="runner" time="1.0">
          <testcase name="reads" classname="com.acme.DbTest" time="0.1"/>
          <testcase name="writes" classname="com.acme.DbTest" time="0.0"><skipped/></testcase>
        </testsuite>
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void Write(string relative, string content)
    {
        var path = _cli.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static JsonElement Files(CliResult result) => JsonDocument.Parse(result.Output).RootElement.GetProperty("files");

    [Fact]
    public async Task IngestJunit_GlobOverGoodFiles_ExitsZeroAndCountsByOutcome()
    {
        Write("build/test-results/test/TEST-com.acme.ApiTest.xml", Gradle);
        Write("build/test-results/integration/TEST-com.acme.DbTest.xml", Other);
        Write("build/other.txt", "not a report");

        var result = await _cli.RunAsync("ingest", "junit", "build/test-results/**/*.xml", "--repo", "acme/api", "--commit", Sha, "--run", "77", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var files = Files(result);
        files.EnumerateArray().Select(f => f.GetProperty("file").GetString()).Should().Equal(
            "build/test-results/integration/TEST-com.acme.DbTest.xml", "build/test-results/test/TEST-com.acme.ApiTest.xml");
        var api = files[1];
        (api.GetProperty("passed").GetInt32(), api.GetProperty("failed").GetInt32(), api.GetProperty("retried").GetInt32(), api.GetProperty("dialect").GetString())
            .Should().Be((3, 1, 1, "gradle"));
        files[0].GetProperty("skipped").GetInt32().Should().Be(1);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("run").GetString().Should().Be("77");
    }

    [Fact]
    public async Task IngestJunit_OneMalformedFile_ExitsTwoNamingLineAndStoresTheOthers()
    {
        Write("reports/TEST-a.xml", Gradle);
        Write("reports/TEST-b.xml", "<testsuite name=\"s\">\n  <testcase name=\"x\" time=\"fast\"/>\n</testsuite>\n");
        Write("reports/TEST-c.xml", Other);

        var result = await _cli.RunAsync("ingest", "junit", "**/TEST-*.xml", "--repo", "acme/api", "--commit", Sha, "--json");
        var export = await _cli.RunAsync("export", "test-results", "--format", "jsonl");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("error: reports/TEST-b.xml:2:4: time=\"fast\" is not a number of seconds");
        Files(result).EnumerateArray().Select(f => f.GetProperty("applied").GetBoolean()).Should().Equal(true, false, true);
        export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(6, "4 executions of TEST-a and 2 of TEST-c; nothing of TEST-b");
    }

    [Fact]
    public async Task IngestJunit_SameFilesAgainWithoutCi_SameContentRunIdAndNothingChanged()
    {
        Write("TEST-a.xml", Gradle);

        var first = await _cli.RunAsync("ingest", "junit", "TEST-a.xml", "--repo", "acme/api", "--commit", Sha, "--json");
        _cli.Time.Advance(TimeSpan.FromHours(5));
        var second = await _cli.RunAsync("ingest", "junit", "TEST-a.xml", "--repo", "acme/api", "--commit", Sha, "--json");

        var run = JsonDocument.Parse(first.Output).RootElement.GetProperty("run").GetString();
        run.Should().StartWith("local-").And.HaveLength("local-".Length + 16);
        JsonDocument.Parse(second.Output).RootElement.GetProperty("run").GetString().Should().Be(run);
        Files(first)[0].GetProperty("changed").GetInt32().Should().Be(4 + 3, "4 results and 3 distinct tests");
        Files(second)[0].GetProperty("changed").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task IngestJunit_GitHubActionsEnvironment_RunAttemptAndJobFromIt()
    {
        Write("TEST-a.xml", Other);
        _cli.Variables["GITHUB_RUN_ID"] = "9001";
        _cli.Variables["GITHUB_RUN_ATTEMPT"] = "3";
        _cli.Variables["GITHUB_JOB"] = "unit-tests";

        var result = await _cli.RunAsync("ingest", "junit", "TEST-a.xml", "--repo", "acme/api", "--commit", Sha, "--json");

        var root = JsonDocument.Parse(result.Output).RootElement;
        (root.GetProperty("run").GetString(), root.GetProperty("attempt").GetInt32(), root.GetProperty("job").GetString()).Should().Be(("9001", 3, "unit-tests"));
    }

    [Fact]
    public async Task IngestJunit_GlobMatchingNothingAndMissingFile_ExitTwoSayingSo()
    {
        Write("TEST-a.xml", Other);

        var result = await _cli.RunAsync("ingest", "junit", "TEST-a.xml", "target/**/*.xml", "missing.xml", "--repo", "acme/api", "--commit", Sha);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("error: target/**/*.xml: no files match").And.Contain("error: missing.xml: no such file");
        result.Output.Should().Contain("applied").And.Contain("refused");
    }

    [Theory]
    [InlineData(new[] { "ingest", "junit", "x.xml", "--commit", Sha }, "--repo")]
    [InlineData(new[] { "ingest", "junit", "x.xml", "--repo", "acme/api", "--commit", Sha, "--run", " " }, "error: --run must not be empty")]
    [InlineData(new[] { "ingest", "junit", "x.xml", "--repo", "acme/api", "--commit", Sha, "--attempt", "0" }, "error: --attempt: 0 is not a run attempt (1 or more)")]
    public async Task IngestJunit_BadOptions_UsageErrorSayingWhich(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected);
    }
}
