namespace Analytics.Domain.Outbox;

/// <summary>What an outbound message carries.</summary>
public enum OutboundKind
{
    /// <summary>A weekly team-health report.</summary>
    Weekly,

    /// <summary>A quarterly operational-maturity review.</summary>
    Quarterly,

    /// <summary>A risk alert.</summary>
    Alert,
}
