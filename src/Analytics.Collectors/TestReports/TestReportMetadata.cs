namespace Analytics.Collectors.TestReports;

/// <summary>What a report does not say about itself: where and when it was produced.</summary>
/// <param name="Repository">The repository's full name (<c>owner/name</c>).</param>
/// <param name="CommitSha">The commit under test.</param>
/// <param name="Branch">The branch, when known.</param>
/// <param name="RunId">The CI run (the same for every job and attempt of the run).</param>
/// <param name="Attempt">The run attempt, from 1.</param>
/// <param name="Job">The CI job that ran the tests.</param>
/// <param name="Time">
/// When the tests ran, used for results whose report gives no usable timestamp. Keep it the same when the same files are
/// ingested again, or re-ingesting changes the stored start times (the command uses the files' modification time).
/// </param>
public sealed record TestReportMetadata(
    string Repository,
    string CommitSha,
    string? Branch,
    string RunId,
    int Attempt,
    string Job,
    DateTimeOffset Time)
{
    /// <summary>
    /// The zone of timestamps written without an offset by tools that write local time (the .NET JUnit logger, older
    /// pytest, Surefire); null (the default) ignores such timestamps and uses <see cref="Time"/>. jest-junit and Gradle
    /// write UTC without a zone and are read as UTC whatever this says.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
