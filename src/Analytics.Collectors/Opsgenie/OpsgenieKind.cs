namespace Analytics.Collectors.Opsgenie;

/// <summary>The two Opsgenie listings the collector reads; each has its own cursor.</summary>
public enum OpsgenieKind
{
    /// <summary><c>GET /v1/incidents/</c>.</summary>
    Incidents,

    /// <summary><c>GET /v2/alerts</c>.</summary>
    Alerts,
}
