using Analytics.Domain.Common;

namespace Analytics.Domain.Incidents;

/// <summary>A production incident. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there.</param>
/// <param name="Title">Its title.</param>
/// <param name="Service">The affected service, as named in the teams configuration.</param>
/// <param name="Severity">Its severity or urgency as the source names it (<c>SEV1</c>, <c>P2</c>, <c>high</c>).</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="AcknowledgedAt">When someone first acknowledged it.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="Responders">Accounts in <see cref="Source"/> of the people who responded.</param>
/// <param name="DeploymentId">The <see cref="Delivery.Deployment.SourceId"/> that caused it, when known.</param>
/// <param name="Url">Where a person can open it.</param>
public sealed record Incident(
    string Source,
    string SourceId,
    string Title,
    string Service,
    string? Severity,
    IncidentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    ValueList<string> Responders,
    string? DeploymentId,
    string? Url) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>The affected service.</summary>
    public string Service { get; init => field = Guard.NotBlank(value, nameof(Service)); } = Guard.NotBlank(Service);

    /// <summary>When it was first acknowledged; never before it was opened.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(AcknowledgedAt), nameof(CreatedAt)); } = Guard.NotBefore(AcknowledgedAt, CreatedAt);

    /// <summary>Where its postmortem document is, when one was linked to it; null by default.</summary>
    public string? PostmortemUrl { get; init; }

    /// <summary>When its postmortem was published, when known; never before it was opened. Null by default.</summary>
    public DateTimeOffset? PostmortemAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(PostmortemAt), nameof(CreatedAt)); }

    /// <summary>When it was resolved; never before it was opened.</summary>
    public DateTimeOffset? ResolvedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(ResolvedAt), nameof(CreatedAt)); } = Guard.NotBefore(ResolvedAt, CreatedAt);
}
