using System.Runtime.CompilerServices;
using System.Xml;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Streams the executions of a .NET TRX report. Results come before the test definitions that name their classes, so
/// results are kept in a compact list (no output, no stack traces) until the definitions are read, then emitted in
/// document order. Several results of one test are retries; data-driven rows (<c>InnerResults</c>) are left to the
/// parent result, which carries their combined outcome.
/// </summary>
internal static class TrxReportParser
{
    /// <summary>The suite of results whose definition names no test assembly.</summary>
    public const string DefaultSuite = "trx";

    /// <summary>Streams the executions; the reader is on the <c>TestRun</c> element.</summary>
    public static async IAsyncEnumerable<ReportedExecution> ReadAsync(
        XmlReader reader,
        TestReportReader report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        report.Dialect = TestReportDialect.Trx;
        var results = new List<PendingResult>();
        var definitions = new Dictionary<string, Definition>(StringComparer.OrdinalIgnoreCase);
        DateTimeOffset? runStart = null;
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        await reader.ReadAsync();
        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Results" or "TestDefinitions":
                    await reader.ReadAsync();
                    break;
                case "Times":
                    var (line, column) = ReportValues.Position(reader);
                    runStart = ReportValues.Timestamp(reader.GetAttribute("start"), false, report.Zone, line, column, "start");
                    await reader.SkipAsync();
                    break;
                case "UnitTestResult":
                    results.Add(await ReadResultAsync(reader, report.Zone));
                    break;
                case "UnitTest":
                    var definition = await ReadDefinitionAsync(reader);
                    if (definition.Id is not null)
                    {
                        definitions[definition.Id] = definition;
                    }

                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }

        foreach (var result in results)
        {
            var definition = result.TestId is null ? null : definitions.GetValueOrDefault(result.TestId);
            var className = definition?.ClassName;
            var name = result.TestName ?? definition?.Name
                ?? throw new TestReportFormatException("<UnitTestResult> has no testName and no matching <UnitTest>", result.Line, result.Column);
            if (className is not null && name.Length > className.Length + 1 && name.StartsWith(className + ".", StringComparison.Ordinal))
            {
                name = name[(className.Length + 1)..]; // Fully qualified names repeat the class: keep the method, as JUnit does.
            }

            yield return new ReportedExecution(
                definition?.Suite ?? DefaultSuite, className, name, null, result.Outcome, result.Duration, result.StartedAt ?? runStart, result.Message);
        }
    }

    private static async Task<PendingResult> ReadResultAsync(XmlReader reader, TimeZoneInfo? zone)
    {
        var (line, column) = ReportValues.Position(reader);
        var outcomeText = reader.GetAttribute("outcome");
        var outcome = Outcome(outcomeText) ?? throw ReportValues.Error(reader, outcomeText is null
            ? "<UnitTestResult> has no outcome"
            : $"outcome=\"{outcomeText}\" is not a TRX outcome (Passed, Failed, Error, Timeout, Aborted, NotExecuted…)");
        var result = new PendingResult(
            NonBlank(reader.GetAttribute("testId")),
            NonBlank(reader.GetAttribute("testName")),
            outcome,
            ReportValues.Duration(reader.GetAttribute("duration"), reader, "duration"),
            ReportValues.Timestamp(reader.GetAttribute("startTime"), false, zone, line, column, "startTime"),
            null,
            line,
            column);
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return result;
        }

        string? message = null;
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
                case "Output" or "ErrorInfo":
                    await reader.ReadAsync();
                    break;
                case "Message" when message is null:
                    message = await ReportText.ReadFirstLineAsync(reader, null);
                    break;
                default:
                    await reader.SkipAsync(); // StdOut, StackTrace, InnerResults, ResultFiles…
                    break;
            }
        }

        await reader.ReadAsync();
        return result with { Message = message };
    }

    private static async Task<Definition> ReadDefinitionAsync(XmlReader reader)
    {
        var id = NonBlank(reader.GetAttribute("id"));
        var name = NonBlank(reader.GetAttribute("name"));
        var storage = NonBlank(reader.GetAttribute("storage"));
        var suite = storage is null ? null : storage[(storage.LastIndexOfAny(['/', '\\']) + 1)..];
        string? className = null;
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return new Definition(id, name, NonBlank(suite), className);
        }

        var depth = reader.Depth;
        await reader.ReadAsync();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TestMethod")
            {
                className = NonBlank(reader.GetAttribute("className"));
                if (className is not null && className.Contains(", ", StringComparison.Ordinal))
                {
                    className = className[..className.IndexOf(", ", StringComparison.Ordinal)]; // MSTest: "Type, Assembly, Version=…".
                }
            }

            await reader.SkipAsync();
        }

        await reader.ReadAsync();
        return new Definition(id, name, NonBlank(suite), className);
    }

    /// <summary>
    /// TRX outcomes: passed kinds pass; <c>Failed</c> fails; <c>Error</c>, <c>Timeout</c>, <c>Aborted</c> and
    /// <c>Disconnected</c> are errors; the not-run kinds are skipped; anything else is unknown (null).
    /// </summary>
    private static TestOutcome? Outcome(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "PASSED" or "PASSEDBUTRUNABORTED" or "COMPLETED" or "WARNING" => TestOutcome.Passed,
        "FAILED" => TestOutcome.Failed,
        "ERROR" or "TIMEOUT" or "ABORTED" or "DISCONNECTED" => TestOutcome.Error,
        "NOTEXECUTED" or "NOTRUNNABLE" or "INCONCLUSIVE" or "PENDING" or "INPROGRESS" => TestOutcome.Skipped,
        _ => null,
    };

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A result read before its definition.</summary>
    private sealed record PendingResult(
        string? TestId,
        string? TestName,
        TestOutcome Outcome,
        TimeSpan Duration,
        DateTimeOffset? StartedAt,
        string? Message,
        int Line,
        int Column);

    /// <summary>A <c>UnitTest</c> definition.</summary>
    private sealed record Definition(string? Id, string? Name, string? Suite, string? ClassName);
}
