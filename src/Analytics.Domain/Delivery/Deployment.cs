using Analytics.Domain.Common;

namespace Analytics.Domain.Delivery;

/// <summary>A deployment of a commit to an environment. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Environment">Where it went, such as <c>production</c>.</param>
/// <param name="Status">Its latest state.</param>
/// <param name="CommitSha">The deployed commit.</param>
/// <param name="Ref">The branch or tag deployed, when known.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="FinishedAt">When it reached its final state.</param>
/// <param name="Service">The service it deploys, when config or the source names one.</param>
public sealed record Deployment(
    string Source,
    string SourceId,
    string Repository,
    string Environment,
    DeploymentStatus Status,
    string CommitSha,
    string? Ref,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? Service) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>Where it went.</summary>
    public string Environment { get; init => field = Guard.NotBlank(value, nameof(Environment)); } = Guard.NotBlank(Environment);

    /// <summary>When it reached its final state; never before it was created.</summary>
    public DateTimeOffset? FinishedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(FinishedAt), nameof(CreatedAt)); } = Guard.NotBefore(FinishedAt, CreatedAt);
}
