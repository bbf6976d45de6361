using System.Runtime.CompilerServices;
using System.Xml;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Reads one test report, streaming with <see cref="XmlReader"/> (never a DOM of the file), and tells its dialect from
/// the root element: <c>TestRun</c> is TRX; <c>testsuites</c> or <c>testsuite</c> is JUnit XML, whose tool is then told
/// from names and attributes as they appear.
/// </summary>
/// <param name="zone">The zone of timestamps written without an offset (see <see cref="TestReportMetadata.TimeZone"/>).</param>
internal sealed class TestReportReader(TimeZoneInfo? zone)
{
    /// <summary>The dialect seen so far; null until the root element is read.</summary>
    public TestReportDialect? Dialect { get; set; }

    /// <summary>The zone of timestamps without an offset, or null when unknown.</summary>
    public TimeZoneInfo? Zone { get; } = zone;

    /// <summary>Reader settings: asynchronous, tolerant of control characters and DTDs, never resolving anything external.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        CloseInput = false,
    };

    /// <summary>Streams the executions of a report in document order.</summary>
    /// <exception cref="XmlException">The file is not well-formed XML (with its line and position).</exception>
    /// <exception cref="TestReportFormatException">The file is XML but not a report this reader understands.</exception>
    public async IAsyncEnumerable<ReportedExecution> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var escaped = new ControlCharacterEscapingStream(stream);
        using var reader = XmlReader.Create(escaped, Settings);
        await reader.MoveToContentAsync();
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw ReportValues.Error(reader, "the file has no root element");
        }

        var executions = reader.LocalName switch
        {
            "TestRun" => TrxReportParser.ReadAsync(reader, this, cancellationToken),
            "testsuites" or "testsuite" => JUnitReportParser.ReadAsync(reader, this, cancellationToken),
            _ => throw ReportValues.Error(reader, $"not a JUnit or TRX report: the root element is <{reader.Name}>, expected <testsuites>, <testsuite> or <TestRun>"),
        };
        await foreach (var execution in executions)
        {
            yield return execution;
        }
    }
}
