using System.Runtime.CompilerServices;
using System.Xml;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Streams the executions of a JUnit XML report from any of the tools that write one (Surefire/Failsafe, Gradle, pytest,
/// jest-junit, go-junit-report, gotestsum, the .NET JUnit logger). Suite counters are ignored: outcomes come from each
/// <c>testcase</c>'s children. Surefire's <c>flakyFailure</c>/<c>flakyError</c> are failed executions before the final
/// one; <c>rerunFailure</c>/<c>rerunError</c> are failed executions after it.
/// </summary>
internal static class JUnitReportParser
{
    /// <summary>The suite name of test cases outside any named suite.</summary>
    public const string DefaultSuite = "default";

    /// <summary>Streams the executions; the reader is on the root element.</summary>
    public static async IAsyncEnumerable<ReportedExecution> ReadAsync(
        XmlReader reader,
        TestReportReader report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        report.Dialect = DialectOfRoot(reader);
        var rootIsSuite = reader.LocalName == "testsuite";
        var rootName = rootIsSuite ? null : NonBlank(reader.GetAttribute("name"));
        var suites = new List<Suite>();
        if (!rootIsSuite)
        {
            if (reader.IsEmptyElement)
            {
                yield break;
            }

            await reader.ReadAsync();
        }

        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "testsuite":
                        var suite = OpenSuite(reader, suites.Count > 0 ? suites[^1].Name : rootName, rootIsSuite && suites.Count == 0, report);
                        if (!reader.IsEmptyElement)
                        {
                            suites.Add(suite);
                        }

                        await reader.ReadAsync();
                        continue;
                    case "testsuites":
                        await reader.ReadAsync(); // A wrapper inside a wrapper (merged reports): read into it.
                        continue;
                    case "testcase":
                        var current = suites.Count > 0 ? suites[^1] : new Suite(rootName ?? DefaultSuite, null, false);
                        foreach (var execution in await ReadTestCaseAsync(reader, current, report))
                        {
                            yield return execution;
                        }

                        continue;
                    case "properties":
                        await ReadPropertiesAsync(reader, suites.Count > 0 ? suites[^1] : null, report);
                        continue;
                    default:
                        await reader.SkipAsync(); // system-out, system-err and anything unknown.
                        continue;
                }
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "testsuite" && suites.Count > 0)
            {
                suites.RemoveAt(suites.Count - 1);
            }

            await reader.ReadAsync();
        }
    }

    private static TestReportDialect DialectOfRoot(XmlReader reader)
    {
        var name = reader.GetAttribute("name") ?? "";
        if (reader.LocalName == "testsuites")
        {
            if (name.StartsWith("jest", StringComparison.OrdinalIgnoreCase))
            {
                return TestReportDialect.Jest;
            }

            if (name.StartsWith("pytest", StringComparison.OrdinalIgnoreCase))
            {
                return TestReportDialect.Pytest;
            }
        }

        var schema = reader.GetAttribute("noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance") ?? "";
        return schema.Contains("surefire", StringComparison.OrdinalIgnoreCase) ? TestReportDialect.Surefire : TestReportDialect.JUnit;
    }

    private static Suite OpenSuite(XmlReader reader, string? parentName, bool isRoot, TestReportReader report)
    {
        var name = NonBlank(reader.GetAttribute("name"));
        var hostname = reader.GetAttribute("hostname") is not null;
        var timestamp = reader.GetAttribute("timestamp");
        if (report.Dialect == TestReportDialect.JUnit)
        {
            report.Dialect = DialectOfSuite(reader, name, isRoot, hostname, timestamp);
        }

        var (line, column) = ReportValues.Position(reader);
        var naiveIsUtc = report.Dialect is TestReportDialect.Jest or TestReportDialect.Gradle;
        var startedAt = ReportValues.Timestamp(timestamp, naiveIsUtc, report.Zone, line, column, "timestamp");
        return new Suite(name ?? parentName ?? DefaultSuite, startedAt, hostname);
    }

    private static TestReportDialect DialectOfSuite(XmlReader reader, string? name, bool isRoot, bool hostname, string? timestamp)
    {
        if (name == "pytest")
        {
            return TestReportDialect.Pytest;
        }

        if (reader.GetAttribute("version") is not null)
        {
            return TestReportDialect.Surefire;
        }

        if ((reader.GetAttribute("package") ?? name ?? "").EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return TestReportDialect.DotNetJunitLogger;
        }

        return isRoot && hostname && timestamp is not null ? TestReportDialect.Gradle : TestReportDialect.JUnit;
    }

    private static async Task ReadPropertiesAsync(XmlReader reader, Suite? suite, TestReportReader report)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return;
        }

        var depth = reader.Depth;
        await reader.ReadAsync();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "property" && reader.GetAttribute("name") == "go.version"
                && report.Dialect is TestReportDialect.JUnit or TestReportDialect.Gradle)
            {
                report.Dialect = suite?.HasHostname == true ? TestReportDialect.GoJunitReport : TestReportDialect.Gotestsum;
            }

            await reader.SkipAsync();
        }

        await reader.ReadAsync();
    }

    private static async Task<List<ReportedExecution>> ReadTestCaseAsync(XmlReader reader, Suite suite, TestReportReader report)
    {
        var name = NonBlank(reader.GetAttribute("name")) ?? throw ReportValues.Error(reader, "<testcase> has no name");
        var className = NonBlank(reader.GetAttribute("classname"));
        var file = NonBlank(reader.GetAttribute("file"));
        var duration = ReportValues.Seconds(reader.GetAttribute("time"), reader, "time");
        var startedAt = suite.StartedAt;
        if (reader.GetAttribute("timestamp") is { } own)
        {
            var (line, column) = ReportValues.Position(reader);
            startedAt = ReportValues.Timestamp(own, report.Dialect is TestReportDialect.Jest or TestReportDialect.Gradle, report.Zone, line, column, "timestamp") ?? startedAt;
        }

        ReportedExecution Execution(TestOutcome outcome, TimeSpan time, string? message) =>
            new(suite.Name, className, name, file, outcome, time, startedAt, message);

        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return [Execution(TestOutcome.Passed, duration, null)];
        }

        TestOutcome? primary = null;
        string? primaryMessage = null;
        var before = new List<ReportedExecution>();
        var after = new List<ReportedExecution>();
        var depth = reader.Depth;
        await reader.ReadAsync();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync();
                continue;
            }

            switch (reader.LocalName)
            {
                case "failure" or "error" or "skipped":
                    var outcome = reader.LocalName switch
                    {
                        "failure" => TestOutcome.Failed,
                        "error" => TestOutcome.Error,
                        _ => TestOutcome.Skipped,
                    };
                    var message = await ReadMessageAsync(reader);
                    if (primary is null || Severity(outcome) > Severity(primary.Value))
                    {
                        (primary, primaryMessage) = (outcome, message);
                    }

                    break;
                case "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError":
                    var rerun = reader.LocalName.StartsWith("rerun", StringComparison.Ordinal);
                    var rerunOutcome = reader.LocalName.EndsWith("Error", StringComparison.Ordinal) ? TestOutcome.Error : TestOutcome.Failed;
                    var time = ReportValues.Seconds(reader.GetAttribute("time"), reader, "time");
                    (rerun ? after : before).Add(Execution(rerunOutcome, time, await ReadMessageAsync(reader)));
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }

        await reader.ReadAsync();
        before.Add(Execution(primary ?? TestOutcome.Passed, duration, primaryMessage));
        before.AddRange(after);
        return before;
    }

    /// <summary>The <c>message</c> attribute's first line, else the first line of the element's text or stack trace.</summary>
    private static async Task<string?> ReadMessageAsync(XmlReader reader)
    {
        var attribute = ReportValues.FirstLine(reader.GetAttribute("message"));
        if (attribute is null)
        {
            return await ReportText.ReadFirstLineAsync(reader, "stackTrace");
        }

        await reader.SkipAsync();
        return attribute;
    }

    private static int Severity(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Error => 3,
        TestOutcome.Failed => 2,
        TestOutcome.Skipped => 1,
        _ => 0,
    };

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>An open <c>testsuite</c>.</summary>
    /// <param name="Name">Its name, or its parent's when it has none.</param>
    /// <param name="StartedAt">Its timestamp, when usable.</param>
    /// <param name="HasHostname">Whether it names a host (tells go-junit-report from gotestsum).</param>
    private sealed record Suite(string Name, DateTimeOffset? StartedAt, bool HasHostname);
}
