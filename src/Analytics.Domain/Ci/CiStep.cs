using Analytics.Domain.Common;

namespace Analytics.Domain.Ci;

/// <summary>A step of a CI job. Keyed by (<see cref="Source"/>, <see cref="Repository"/>, <see cref="JobId"/>, <see cref="Number"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="JobId">The job it belongs to.</param>
/// <param name="Number">Its position in the job, from 1.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Conclusion">How it ended, once completed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record CiStep(
    string Source,
    string Repository,
    string JobId,
    int Number,
    string Name,
    RunStatus Status,
    RunConclusion? Conclusion,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt) : IRecord
{
    /// <summary>Its position in the job.</summary>
    public int Number { get; init => field = Guard.Positive(value, nameof(Number)); } = Guard.Positive(Number);

    /// <summary>When it finished; never before it started.</summary>
    public DateTimeOffset? FinishedAt { get; init => field = Guard.NotBefore(value, StartedAt, nameof(FinishedAt), nameof(StartedAt)); } = Guard.NotBefore(FinishedAt, StartedAt);
}
