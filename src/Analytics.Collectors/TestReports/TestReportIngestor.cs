using System.Text.RegularExpressions;
using System.Xml;
using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.TestReports;

/// <summary>
/// Stores test reports (JUnit XML in its dialects, .NET TRX) as test cases and test results. Each report is written in
/// batches through its own transaction, committed only when the whole file was read: a malformed report is refused
/// whole, with its line and column, and the other reports of a batch are stored regardless. Ids and execution indexes
/// depend only on the report and the metadata, so ingesting the same reports again changes nothing.
/// </summary>
/// <param name="store">Where the records go.</param>
public sealed partial class TestReportIngestor(IStore store)
{
    /// <summary>Reports up to this size (1 MiB) are archived as raw payloads with their results; larger ones are not.</summary>
    public const long ArchiveLimit = 1 << 20;

    /// <summary>Results written per upsert.</summary>
    private const int BatchSize = 2_000;

    /// <summary>Ingests a report file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">Its name in results, errors and the archive key (the path as the user gave it); null uses <paramref name="path"/>.</param>
    /// <param name="metadata">Where and when the tests ran.</param>
    /// <param name="cancellationToken">Cancels the ingestion; nothing of this file is kept.</param>
    /// <returns>What was stored, or why the file was refused (a missing file is refused, not thrown).</returns>
    public async Task<TestReportIngestResult> IngestFileAsync(string path, string? name, TestReportMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Validate(metadata);
        name ??= path;
        if (!File.Exists(path))
        {
            return Refused(name, null, new TestReportError(name, 0, 0, "no such file"));
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await IngestAsync(name, stream, metadata, cancellationToken);
    }

    /// <summary>
    /// Ingests a report from a stream (an upload, a file). A seekable stream with at most <see cref="ArchiveLimit"/> bytes
    /// left is read into memory and archived; any other stream is parsed as it arrives and not archived.
    /// </summary>
    /// <param name="name">The report's name in results, errors and the archive key (a file name or path).</param>
    /// <param name="content">The report; read from its current position, left open.</param>
    /// <param name="metadata">Where and when the tests ran.</param>
    /// <param name="cancellationToken">Cancels the ingestion; nothing of this report is kept.</param>
    /// <returns>What was stored, or why the report was refused.</returns>
    /// <exception cref="ArgumentException">The name is blank or the metadata is incomplete.</exception>
    public async Task<TestReportIngestResult> IngestAsync(string name, Stream content, TestReportMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        Validate(metadata);
        byte[]? archive = null;
        MemoryStream? buffered = null;
        if (content.CanSeek && content.Length - content.Position <= ArchiveLimit)
        {
            archive = new byte[content.Length - content.Position];
            await content.ReadExactlyAsync(archive, cancellationToken);
            buffered = new MemoryStream(archive, writable: false);
        }

        await using var disposeBuffered = buffered;

        var report = new TestReportReader(metadata.TimeZone);
        var counter = new ExecutionCounter();
        var counts = new int[4];
        var cases = new List<TestCase>();
        var results = new List<TestResult>(BatchSize);
        var stored = default(UpsertResult);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        try
        {
            await foreach (var execution in report.ReadAsync(buffered ?? content, cancellationToken))
            {
                var source = Source(report.Dialect);
                var testId = TestCase.CreateId(execution.Suite, execution.ClassName, execution.Name);
                var index = counter.Next(testId);
                if (index == 0)
                {
                    cases.Add(new TestCase(source, metadata.Repository, testId, execution.Suite, execution.ClassName, execution.Name, execution.File));
                }

                results.Add(new TestResult(
                    source, metadata.Repository, testId, metadata.RunId, metadata.Attempt, metadata.Job, index, metadata.CommitSha,
                    metadata.Branch, execution.Outcome, execution.Duration, execution.StartedAt ?? metadata.Time, execution.Message));
                counts[(int)execution.Outcome]++;
                if (results.Count == BatchSize)
                {
                    stored += await FlushAsync(writer, cases, results, cancellationToken);
                }
            }
        }
        catch (XmlException e)
        {
            // Disposing the writer rolls back the batches already written.
            return Refused(name, report.Dialect, new TestReportError(name, e.LineNumber, e.LinePosition, WithoutPosition(e.Message)), counts, counter);
        }
        catch (TestReportFormatException e)
        {
            return Refused(name, report.Dialect, new TestReportError(name, e.Line, e.Column, e.Message), counts, counter);
        }

        stored += await FlushAsync(writer, cases, results, cancellationToken);
        if (archive is not null)
        {
            var source = Source(report.Dialect);
            var key = $"{metadata.Repository}/{metadata.RunId}/{metadata.Attempt}/{metadata.Job}/{name}";
            await writer.ArchiveAsync(new RawPayload(source, key, metadata.Time, "application/xml", archive), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        return new TestReportIngestResult(
            name, report.Dialect, counts[(int)TestOutcome.Passed], counts[(int)TestOutcome.Failed], counts[(int)TestOutcome.Error],
            counts[(int)TestOutcome.Skipped], counter.Retried, stored, archive is not null, null);
    }

    /// <summary>The <see cref="TestResult.Source"/> of results from a dialect: <c>trx</c> for TRX, <c>junit</c> otherwise.</summary>
    public static string Source(TestReportDialect? dialect) => dialect == TestReportDialect.Trx ? "trx" : "junit";

    private static async Task<UpsertResult> FlushAsync(IStoreWriter writer, List<TestCase> cases, List<TestResult> results, CancellationToken cancellationToken)
    {
        var stored = (await writer.UpsertAsync(Entities.TestCases, cases, cancellationToken))
            + (await writer.UpsertAsync(Entities.TestResults, results, cancellationToken));
        cases.Clear();
        results.Clear();
        return stored;
    }

    private static void Validate(TestReportMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrWhiteSpace(metadata.Repository, "metadata.Repository");
        ArgumentException.ThrowIfNullOrWhiteSpace(metadata.CommitSha, "metadata.CommitSha");
        ArgumentException.ThrowIfNullOrWhiteSpace(metadata.RunId, "metadata.RunId");
        ArgumentException.ThrowIfNullOrWhiteSpace(metadata.Job, "metadata.Job");
        ArgumentOutOfRangeException.ThrowIfLessThan(metadata.Attempt, 1, "metadata.Attempt");
    }

    private static TestReportIngestResult Refused(string name, TestReportDialect? dialect, TestReportError error, int[]? counts = null, ExecutionCounter? counter = null) =>
        new(name, dialect, counts?[0] ?? 0, counts?[1] ?? 0, counts?[2] ?? 0, counts?[3] ?? 0, counter?.Retried ?? 0, default, false, error);

    /// <summary>XmlException messages end with "Line 3, position 7."; the error gives the position its own fields.</summary>
    private static string WithoutPosition(string message) => PositionSuffix().Replace(message, "").TrimEnd();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex PositionSuffix();
}
