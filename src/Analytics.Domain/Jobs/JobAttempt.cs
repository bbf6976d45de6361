using Analytics.Domain.Common;

namespace Analytics.Domain.Jobs;

/// <summary>
/// One attempt of a scheduled job, as kept in the job history: the scheduled run is attempt 1, its retries 2 and up.
/// Keyed by <see cref="RunId"/>; equality is by value.
/// </summary>
/// <param name="RunId">A unique id of this attempt.</param>
/// <param name="JobName">The job's configured name.</param>
/// <param name="Attempt">1 for the scheduled (or triggered) run, 2 and up for its retries.</param>
/// <param name="Node">The node (process) that ran it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended; null while running. Not before <see cref="StartedAt"/>.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Error">The error's message when it failed, with secrets removed.</param>
/// <param name="NextRetryAt">When the next retry is due, after a failure that will be retried.</param>
public sealed record JobAttempt(
    string RunId,
    string JobName,
    int Attempt,
    string Node,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JobAttemptOutcome Outcome,
    string? Error,
    DateTimeOffset? NextRetryAt)
{
    /// <summary>A unique id of this attempt.</summary>
    public string RunId { get; init => field = Guard.NotBlank(value, nameof(RunId)); } = Guard.NotBlank(RunId);

    /// <summary>The job's configured name.</summary>
    public string JobName { get; init => field = Guard.NotBlank(value, nameof(JobName)); } = Guard.NotBlank(JobName);

    /// <summary>1 for the scheduled run, 2 and up for retries.</summary>
    public int Attempt { get; init => field = Guard.Positive(value, nameof(Attempt)); } = Guard.Positive(Attempt);

    /// <summary>The node that ran it.</summary>
    public string Node { get; init => field = Guard.NotBlank(value, nameof(Node)); } = Guard.NotBlank(Node);

    /// <summary>When it started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(StartedAt);

    /// <summary>When it ended (UTC); null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init => field = Guard.Utc(Guard.NotBefore(value, StartedAt)); } = Guard.Utc(Guard.NotBefore(FinishedAt, StartedAt));

    /// <summary>When the next retry is due (UTC).</summary>
    public DateTimeOffset? NextRetryAt { get; init => field = Guard.Utc(value); } = Guard.Utc(NextRetryAt);
}
