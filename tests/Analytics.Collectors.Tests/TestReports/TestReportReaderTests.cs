using System.Text;
using System.Xml;
using Analytics.Collectors.TestReports;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Tests.TestReports;

public sealed class TestReportReaderTests
{
    private static async Task<(List<ReportedExecution> Executions, TestReportDialect? Dialect)> ReadAsync(string report, TimeZoneInfo? zone = null) =>
        await ReadAsync(ReportCorpus.Bytes(report), zone);

    private static async Task<(List<ReportedExecution> Executions, TestReportDialect? Dialect)> ReadAsync(byte[] bytes, TimeZoneInfo? zone = null)
    {
        var reader = new TestReportReader(zone);
        var list = new List<ReportedExecution>();
        await foreach (var execution in reader.ReadAsync(new MemoryStream(bytes), default))
        {
            list.Add(execution);
        }

        return (list, reader.Dialect);
    }

    public static TheoryData<string> Reports()
    {
        var data = new TheoryData<string>();
        foreach (var report in ReportCorpus.All)
        {
            data.Add(report.FileName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task ReadAsync_EachDialect_DetectsItAndCountsEveryOutcome(string fileName)
    {
        var expected = ReportCorpus.All.Single(r => r.FileName == fileName);

        var (executions, dialect) = await ReadAsync(expected.Content);

        dialect.ToString().Should().Be(expected.Dialect);
        executions.Count(e => e.Outcome == TestOutcome.Passed).Should().Be(expected.Passed);
        executions.Count(e => e.Outcome == TestOutcome.Failed).Should().Be(expected.Failed);
        executions.Count(e => e.Outcome == TestOutcome.Error).Should().Be(expected.Errored);
        executions.Count(e => e.Outcome == TestOutcome.Skipped).Should().Be(expected.Skipped);
    }

    [Fact]
    public async Task ReadAsync_SurefireFlakyAndRerun_FailedExecutionsAroundTheFinalOne()
    {
        var (executions, _) = await ReadAsync(ReportCorpus.Surefire);

        // flaky: flakyFailure, flakyError, then the final pass (the testcase itself, with its time).
        executions.Where(e => e.Name == "flaky").Select(e => (e.Outcome, e.Message, e.Duration)).Should().Equal(
            (TestOutcome.Failed, "expected: <1> but was: <0>", TimeSpan.Zero),
            (TestOutcome.Error, "java.lang.IllegalStateException: connection reset", TimeSpan.Zero),
            (TestOutcome.Passed, null, TimeSpan.FromMilliseconds(34)));
        // broken: the failure (testcase time), then each rerun in order (their own time when given).
        executions.Where(e => e.Name == "broken").Select(e => (e.Outcome, e.Message, e.Duration)).Should().Equal(
            (TestOutcome.Failed, "always broken", TimeSpan.FromMilliseconds(500)),
            (TestOutcome.Failed, "still broken", TimeSpan.FromMilliseconds(250)),
            (TestOutcome.Error, "java.lang.OutOfMemoryError: Java heap space", TimeSpan.Zero));
    }

    [Fact]
    public async Task ReadAsync_ThousandsSeparatorInTime_ReadsSeconds()
    {
        var (executions, _) = await ReadAsync(ReportCorpus.Surefire);

        executions.Single(e => e.Name == "slow").Duration.Should().Be(TimeSpan.FromSeconds(1234.5));
    }

    [Fact]
    public async Task ReadAsync_Messages_FirstLineOfAttributeOrText()
    {
        var jest = (await ReadAsync(ReportCorpus.Jest)).Executions;
        var dotnet = (await ReadAsync(ReportCorpus.DotNetJunitLogger)).Executions;
        var pytest = (await ReadAsync(ReportCorpus.Pytest)).Executions;
        var trx = (await ReadAsync(ReportCorpus.Trx)).Executions;

        jest.Single(e => e.Name == "math › division rejects").Message.Should().Be("Error: expect(received).toThrow()");
        jest.Single(e => e.Name == "math two-failures").Message.Should().Be("Error: first");
        dotnet.Single(e => e.Name == "Divides").Message.Should().Be("Expected: False");
        pytest.Single(e => e.Name == "test_network").Message.Should().Be("no network");
        pytest.Single(e => e.Name == "test_xfail").Message.Should().BeNull("an empty message attribute and no text");
        pytest.Single(e => e.Name == "test_setup").Message.Should().Be("failed on setup with \"fixture 'db' not found\"");
        trx.Single(e => e.Name == "Divides").Message.Should().Be("Assert.Equal() Failure: Values differ");
    }

    [Fact]
    public async Task ReadAsync_Timestamps_ByDialectAndZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");

        // Gradle and jest-junit write UTC without a zone; pytest and go write an offset.
        (await ReadAsync(ReportCorpus.Gradle)).Executions[0].StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero));
        (await ReadAsync(ReportCorpus.Jest)).Executions[0].StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero));
        (await ReadAsync(ReportCorpus.Pytest)).Executions[0].StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 8, 0, 0, 123, 456, TimeSpan.Zero));
        // Placeholders (jest's 1970 for a suite that failed to run, gotestsum's year 1) are no timestamp.
        (await ReadAsync(ReportCorpus.Jest)).Executions[^1].StartedAt.Should().BeNull();
        (await ReadAsync(ReportCorpus.Gotestsum)).Executions[0].StartedAt.Should().BeNull();
        // The .NET JUnit logger writes local time: unknown without a zone, read in the zone when given.
        (await ReadAsync(ReportCorpus.DotNetJunitLogger)).Executions[0].StartedAt.Should().BeNull();
        (await ReadAsync(ReportCorpus.DotNetJunitLogger, zone)).Executions[0].StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero));
        // TRX: each result's startTime; a result without one gets the run's start.
        var trx = (await ReadAsync(ReportCorpus.Trx)).Executions;
        trx.Single(e => e.Name == "Divides").StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 13, 0, 1, TimeSpan.Zero));
        trx.Single(e => e.Name == "Skipped").StartedAt.Should().Be(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ReadAsync_Trx_ClassFromDefinitionsAndMethodAsName()
    {
        var (executions, _) = await ReadAsync(ReportCorpus.Trx);

        executions.Select(e => (e.Suite, e.ClassName, e.Name)).Should().Equal(
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Adds"),
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Divides"),
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Skipped"),
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Hangs"),
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Retried"),
            ("Acme.Tests.dll", null, "[Test Class Cleanup Failure (Acme.Tests.CalculatorTests.Adds)]"),
            ("Acme.Tests.dll", "Acme.Tests.CalculatorTests", "Retried"));
        executions.Single(e => e.Name == "Hangs").Duration.Should().Be(TimeSpan.FromMinutes(1));
        executions.Single(e => e.Name == "Skipped").Duration.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task ReadAsync_NestedSuitesAndMissingAttributes_InnermostSuiteAndDefaults()
    {
        const string report = """
            <testsuites>
              <testsuite name="outer">
                <testsuite name="inner">
                  <testcase name="deep"/>
                </testsuite>
                <testsuite>
                  <testcase name="unnamed-suite" classname="  "/>
                </testsuite>
                <testcase name="shallow"/>
              </testsuite>
              <testcase name="loose"/>
            </testsuites>
            """;

        var (executions, dialect) = await ReadAsync(report);

        dialect.Should().Be(TestReportDialect.JUnit);
        executions.Select(e => (e.Suite, e.ClassName, e.Name, e.Duration)).Should().Equal(
            ("inner", null, "deep", TimeSpan.Zero),
            ("outer", null, "unnamed-suite", TimeSpan.Zero),
            ("outer", null, "shallow", TimeSpan.Zero),
            ("default", null, "loose", TimeSpan.Zero));
    }

    [Fact]
    public async Task ReadAsync_TruncatedXml_ThrowsWithTheLine()
    {
        var truncated = ReportCorpus.Surefire[..ReportCorpus.Surefire.IndexOf("<testcase name=\"slow\"", StringComparison.Ordinal)];

        var act = () => ReadAsync(truncated);

        // The reader reaches the end of the text on its last line, inside the unclosed <testsuite>.
        (await act.Should().ThrowAsync<XmlException>()).Which.LineNumber.Should().Be(truncated.Split('\n').Length);
    }

    [Fact]
    public async Task ReadAsync_BadTime_ThrowsWithLineAndAttribute()
    {
        const string report = "<testsuite name=\"s\">\n  <testcase name=\"a\" time=\"1\"/>\n  <testcase name=\"b\" time=\"soon\"/>\n</testsuite>";

        var act = () => ReadAsync(report);

        var error = (await act.Should().ThrowAsync<TestReportFormatException>()).Which;
        error.Line.Should().Be(3);
        error.Message.Should().Be("time=\"soon\" is not a number of seconds");
    }

    [Theory]
    [InlineData("<html><body/></html>", "not a JUnit or TRX report: the root element is <html>")]
    [InlineData("<testsuite name=\"s\"><testcase classname=\"c\"/></testsuite>", "<testcase> has no name")]
    [InlineData("<TestRun><Results><UnitTestResult testName=\"x\" outcome=\"Exploded\"/></Results></TestRun>", "outcome=\"Exploded\" is not a TRX outcome")]
    public async Task ReadAsync_NotAReport_ThrowsSayingWhy(string report, string message)
    {
        var act = () => ReadAsync(Encoding.UTF8.GetBytes(report));

        (await act.Should().ThrowAsync<TestReportFormatException>()).Which.Message.Should().StartWith(message);
    }

    [Fact]
    public async Task ReadAsync_ControlCharacterReferences_AreTolerated()
    {
        // Test output often carries ANSI colour codes; XML 1.0 forbids them, real reports contain them anyway.
        const string report = "<testsuite name=\"s\"><testcase name=\"a\"><failure message=\"&#x1B;[31mred&#x1B;[0m\"/></testcase></testsuite>";

        var (executions, _) = await ReadAsync(report);

        executions.Single().Message.Should().Be("\u001b[31mred\u001b[0m");
    }

    [Fact]
    public async Task ReadAsync_RawControlCharactersInText_AreTolerated()
    {
        // Some writers copy captured output verbatim, escape byte and all.
        var report = "<testsuite name=\"s\"><testcase name=\"a\"><failure>\u001b[31mboom\u001b[0m</failure><system-out>\u0007bell</system-out></testcase></testsuite>";

        var (executions, _) = await ReadAsync(Encoding.UTF8.GetBytes(report));

        executions.Single().Message.Should().Be("\u001b[31mboom\u001b[0m");
    }

    [Fact]
    public async Task ReadAsync_Utf16Report_ReadUnchanged()
    {
        // UTF-16 is full of zero bytes: the control-character escaping must leave such a file alone.
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><testsuite name=\"s\"><testcase name=\"ü\" time=\"0.5\"/></testsuite>")).ToArray();

        var (executions, _) = await ReadAsync(bytes);

        executions.Single().Should().Match<ReportedExecution>(e => e.Name == "ü" && e.Duration == TimeSpan.FromSeconds(0.5));
    }
}
