using Analytics.Domain.Common;

namespace Analytics.Domain.Ci;

/// <summary>
/// One attempt of a CI workflow run: a re-run is a new attempt of the same run, kept as its own record so flaky-test and
/// CI-time signals see every retry. Keyed by (<see cref="Source"/>, <see cref="Repository"/>, <see cref="RunId"/>,
/// <see cref="Attempt"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="RunId">The run's id in <see cref="Source"/>.</param>
/// <param name="Attempt">The attempt number, 1 for the first.</param>
/// <param name="Workflow">The workflow's name.</param>
/// <param name="Event">What triggered it (<c>push</c>, <c>pull_request</c>, <c>schedule</c>…).</param>
/// <param name="Branch">The branch it ran on, when known.</param>
/// <param name="HeadSha">The commit it ran on.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Conclusion">How it ended, once completed.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="StartedAt">When this attempt started running.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Url">Where a person can open it.</param>
public sealed record WorkflowRun(
    string Source,
    string Repository,
    string RunId,
    int Attempt,
    string Workflow,
    string Event,
    string? Branch,
    string HeadSha,
    RunStatus Status,
    RunConclusion? Conclusion,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Url) : IRecord
{
    /// <summary>The run's id.</summary>
    public string RunId { get; init => field = Guard.NotBlank(value, nameof(RunId)); } = Guard.NotBlank(RunId);

    /// <summary>The attempt number, 1 for the first.</summary>
    public int Attempt { get; init => field = Guard.Positive(value, nameof(Attempt)); } = Guard.Positive(Attempt);

    /// <summary>When it finished; never before it started.</summary>
    public DateTimeOffset? FinishedAt { get; init => field = Guard.NotBefore(value, StartedAt, nameof(FinishedAt), nameof(StartedAt)); } = Guard.NotBefore(FinishedAt, StartedAt);

    /// <summary>Time from start to finish, once both are known.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
