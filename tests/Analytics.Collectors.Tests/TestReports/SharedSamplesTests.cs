using Analytics.Collectors.TestReports;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Tests.TestReports;

/// <summary>The reader against real reports written by each tool (byte-exact copies kept outside the repository).</summary>
public sealed class SharedSamplesTests
{
    /// <summary>
    /// Expected counts were made by hand from each file (and checked with a separate Python ElementTree script): a
    /// testcase is errored if it has an error child, else failed with a failure child, else skipped with a skipped
    /// child, else passed; each Surefire flaky*/rerun* child is one more failed or errored execution; TRX counts
    /// UnitTestResult outcomes under Results.
    /// </summary>
    public static TheoryData<string, string, int, int, int, int> Samples() => new()
    {
        { "junit/go-junit-report/build-errors.xml", "GoJunitReport", 2, 0, 3, 0 },
        { "junit/go-junit-report/pass-fail-skip.xml", "GoJunitReport", 2, 1, 0, 2 },
        { "junit/go-junit-report/subtests.xml", "GoJunitReport", 6, 4, 0, 1 },
        { "junit/gotestsum/mixed-results.xml", "Gotestsum", 42, 13, 0, 5 },
        { "junit/gotestsum/testcase-properties.xml", "Gotestsum", 1, 0, 0, 0 },
        { "junit/jest-junit/failures-and-skipped.xml", "Jest", 1, 4, 0, 1 },
        { "junit/jest-junit/suite-failed-to-run-errors.xml", "Jest", 0, 0, 2, 0 },
        { "junit/junit-testlogger/nunit-failures-and-skips.xml", "DotNetJunitLogger", 32, 14, 0, 6 },
        { "junit/maven-surefire/error-and-failure-legacy-format.xml", "JUnit", 6, 1, 1, 0 },
        { "junit/maven-surefire/failures-multiline-message.xml", "JUnit", 0, 2, 0, 0 },
        // testFlaky: three flakyFailure (F F F), one flakyError (E), then the final pass; testStable passes.
        { "junit/maven-surefire/flaky-failure-rerun-passed.xml", "Surefire", 2, 3, 1, 0 },
        { "junit/pytest/mixed-results-reformatted.xml", "Pytest", 6, 2, 0, 2 },
        { "trx/mtp-xunitv3-failures.trx", "Trx", 1, 3, 0, 0 },
        { "trx/vstest-xunit-mixed-outcomes.trx", "Trx", 5, 5, 0, 1 },
    };

    [SharedSamplesTheory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_RealReport_CountsMatchTheFile(string file, string dialect, int passed, int failed, int errored, int skipped)
    {
        var reader = new TestReportReader(null);
        var executions = new List<ReportedExecution>();
        await using var stream = File.OpenRead(Path.Combine(SharedSamplesTheoryAttribute.SamplesFolder!, file));
        await foreach (var execution in reader.ReadAsync(stream, default))
        {
            executions.Add(execution);
        }

        reader.Dialect.ToString().Should().Be(dialect);
        executions.Count(e => e.Outcome == TestOutcome.Passed).Should().Be(passed);
        executions.Count(e => e.Outcome == TestOutcome.Failed).Should().Be(failed);
        executions.Count(e => e.Outcome == TestOutcome.Error).Should().Be(errored);
        executions.Count(e => e.Outcome == TestOutcome.Skipped).Should().Be(skipped);
        executions.All(e => e.Message is null || (e.Message.Length <= 1_000 && !e.Message.Contains('\n', StringComparison.Ordinal))).Should().BeTrue();
    }

    [SharedSamplesTheory]
    [InlineData("junit/maven-surefire/failures-multiline-message.xml", "defaultTestValueIs_Value")]
    public async Task ReadAsync_MultilineMessageAttribute_FirstNonBlankLine(string file, string test)
    {
        var reader = new TestReportReader(null);
        await using var stream = File.OpenRead(Path.Combine(SharedSamplesTheoryAttribute.SamplesFolder!, file));
        await foreach (var execution in reader.ReadAsync(stream, default))
        {
            if (execution.Name == test)
            {
                execution.Message.Should().NotBeNullOrWhiteSpace().And.NotContain("\n");
            }
        }
    }
}
