namespace Analytics.Domain.Alerts;

/// <summary>How urgent an alert is; ordered, so <c>--fail-on warning</c> means warning or critical.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing; no action expected.</summary>
    Info,

    /// <summary>Worth acting on this week.</summary>
    Warning,

    /// <summary>Act now.</summary>
    Critical,
}
