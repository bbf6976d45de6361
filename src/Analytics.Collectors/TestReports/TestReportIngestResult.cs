using Analytics.Storage;

namespace Analytics.Collectors.TestReports;

/// <summary>What ingesting one report did. For a refused report the counts say how far it was read; nothing of it was stored.</summary>
/// <param name="File">The report's name as given.</param>
/// <param name="Dialect">The tool that wrote it, as far as it was read; null when the file could not be opened.</param>
/// <param name="Passed">Executions that passed.</param>
/// <param name="Failed">Executions that failed an assertion.</param>
/// <param name="Errored">Executions that errored (JUnit <c>error</c>, TRX <c>Error</c>, <c>Timeout</c>, <c>Aborted</c>).</param>
/// <param name="Skipped">Executions that did not run.</param>
/// <param name="Retried">Tests that ran more than once in the report (reruns, flaky reruns, repeated test cases).</param>
/// <param name="Stored">What the store did with the test cases and results; all zero when the report was refused.</param>
/// <param name="Archived">Whether the report's bytes were archived (reports up to <see cref="TestReportIngestor.ArchiveLimit"/>).</param>
/// <param name="Error">Why the report was refused; null when it was applied.</param>
public sealed record TestReportIngestResult(
    string File,
    TestReportDialect? Dialect,
    int Passed,
    int Failed,
    int Errored,
    int Skipped,
    int Retried,
    UpsertResult Stored,
    bool Archived,
    TestReportError? Error)
{
    /// <summary>Whether the report was stored (all of it). A refused report stored nothing.</summary>
    public bool Applied => Error is null;

    /// <summary>All executions read: passed, failed, errored and skipped.</summary>
    public int Results => Passed + Failed + Errored + Skipped;
}
