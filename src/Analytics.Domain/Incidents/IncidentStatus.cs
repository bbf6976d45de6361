namespace Analytics.Domain.Incidents;

/// <summary>Where an incident is in its life.</summary>
public enum IncidentStatus
{
    /// <summary>Open, nobody has acknowledged it.</summary>
    Triggered,

    /// <summary>Someone is on it.</summary>
    Acknowledged,

    /// <summary>Over.</summary>
    Resolved,
}
