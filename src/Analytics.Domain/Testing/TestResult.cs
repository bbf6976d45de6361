using Analytics.Domain.Common;

namespace Analytics.Domain.Testing;

/// <summary>
/// One execution of a test in one CI job. Retries inside a run are separate results with a rising
/// <see cref="Execution"/>. Keyed by (<see cref="Source"/>, <see cref="Repository"/>, <see cref="RunId"/>,
/// <see cref="Attempt"/>, <see cref="Job"/>, <see cref="TestId"/>, <see cref="Execution"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="TestId">The test's <see cref="TestCase.TestId"/>.</param>
/// <param name="RunId">The CI run.</param>
/// <param name="Attempt">The run attempt, from 1.</param>
/// <param name="Job">The job name (a run can test in several jobs).</param>
/// <param name="Execution">0 for the first execution in this job, 1 for the first retry, and so on.</param>
/// <param name="CommitSha">The commit under test.</param>
/// <param name="Branch">The branch, when known.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="StartedAt">When it ran (the report's timestamp, or the run's start).</param>
/// <param name="Message">The failure message's first line, when it failed.</param>
public sealed record TestResult(
    string Source,
    string Repository,
    string TestId,
    string RunId,
    int Attempt,
    string Job,
    int Execution,
    string CommitSha,
    string? Branch,
    TestOutcome Outcome,
    TimeSpan Duration,
    DateTimeOffset StartedAt,
    string? Message) : IRecord
{
    /// <summary>The test.</summary>
    public string TestId { get; init => field = Guard.NotBlank(value, nameof(TestId)); } = Guard.NotBlank(TestId);

    /// <summary>The run attempt.</summary>
    public int Attempt { get; init => field = Guard.Positive(value, nameof(Attempt)); } = Guard.Positive(Attempt);

    /// <summary>The execution index within the job.</summary>
    public int Execution { get; init => field = Guard.NotNegative(value, nameof(Execution)); } = Guard.NotNegative(Execution);

    /// <summary>How long it ran.</summary>
    public TimeSpan Duration { get; init => field = Guard.NotNegative(value, nameof(Duration)); } = Guard.NotNegative(Duration);
}
