namespace Analytics.Host.Scheduling;

/// <summary>One run (one attempt) of a scheduled job, as kept in the job history.</summary>
/// <param name="JobName">The job's name.</param>
/// <param name="RunId">A unique id of this attempt.</param>
/// <param name="Attempt">1 for the scheduled run, 2 and up for its retries.</param>
/// <param name="Node">The node (process) that ran it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended; null while running.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Error">The error's message when it failed (secrets never appear here).</param>
/// <param name="NextRetryAt">When the next retry is due, after a failure that will be retried.</param>
internal sealed record JobRun(
    string JobName,
    string RunId,
    int Attempt,
    string Node,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JobRunOutcome Outcome,
    string? Error,
    DateTimeOffset? NextRetryAt)
{
    /// <summary>How long it ran; null while running.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
