using Analytics.Domain.Common;

namespace Analytics.Domain.Ci;

/// <summary>A job of one workflow-run attempt. Keyed by (<see cref="Source"/>, <see cref="Repository"/>, <see cref="JobId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Attempt">The run attempt it belongs to.</param>
/// <param name="JobId">Its id, unique per attempt.</param>
/// <param name="Name">Its name (matrix values included).</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Conclusion">How it ended, once completed.</param>
/// <param name="QueuedAt">When it was queued; queue time ends at <paramref name="StartedAt"/>.</param>
/// <param name="StartedAt">When a runner picked it up.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="RunnerName">The runner that ran it.</param>
/// <param name="RunnerLabels">The labels it asked a runner for.</param>
public sealed record CiJob(
    string Source,
    string Repository,
    string RunId,
    int Attempt,
    string JobId,
    string Name,
    RunStatus Status,
    RunConclusion? Conclusion,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? RunnerName,
    ValueList<string> RunnerLabels) : IRecord
{
    /// <summary>Its id.</summary>
    public string JobId { get; init => field = Guard.NotBlank(value, nameof(JobId)); } = Guard.NotBlank(JobId);

    /// <summary>The run attempt it belongs to.</summary>
    public int Attempt { get; init => field = Guard.Positive(value, nameof(Attempt)); } = Guard.Positive(Attempt);

    /// <summary>When it finished; never before it started.</summary>
    public DateTimeOffset? FinishedAt { get; init => field = Guard.NotBefore(value, StartedAt, nameof(FinishedAt), nameof(StartedAt)); } = Guard.NotBefore(FinishedAt, StartedAt);
}
