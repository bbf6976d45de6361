using Analytics.Domain.Testing;

namespace Analytics.Collectors.TestReports;

/// <summary>One execution of a test as a report states it, before it gets its run, job and execution index.</summary>
/// <param name="Suite">The innermost suite's name.</param>
/// <param name="ClassName">The class, or null when the report names none.</param>
/// <param name="Name">The test's name.</param>
/// <param name="File">The source file, when the report names it.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it ran (zero when the report does not say).</param>
/// <param name="StartedAt">When it started, when the report says so with a known zone.</param>
/// <param name="Message">The first line of the failure, error or skip message.</param>
internal sealed record ReportedExecution(
    string Suite,
    string? ClassName,
    string Name,
    string? File,
    TestOutcome Outcome,
    TimeSpan Duration,
    DateTimeOffset? StartedAt,
    string? Message);
