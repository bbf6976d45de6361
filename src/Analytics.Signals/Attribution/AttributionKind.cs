namespace Analytics.Signals.Attribution;

/// <summary>How an incident came to be attributed to a deployment.</summary>
public enum AttributionKind
{
    /// <summary>The incident names the deployment (<c>incidents.deployment_id</c>, from a label or a configured field).</summary>
    Explicit,

    /// <summary>
    /// The latest successful production deployment of a repository mapped to the incident's service, finished within
    /// the look-back window before the incident started.
    /// </summary>
    Window,
}
