using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;

namespace Analytics.Signals.Attribution;

/// <summary>The deployment an incident is attributed to, and why. Value equality over the three records.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Deployment">The deployment held to have caused it.</param>
/// <param name="Kind">Whether the incident named it or the look-back window found it.</param>
public sealed record IncidentCause(Incident Incident, Deployment Deployment, AttributionKind Kind)
{
    /// <summary>When the deployment went live: its finish, or its creation when the source gives no finish.</summary>
    public DateTimeOffset DeployedAt => IncidentAttribution.DeployedAt(Deployment);
}
