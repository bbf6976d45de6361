namespace Analytics.Domain.Alerts;

/// <summary>Where an alert instance is in its life (see <c>docs/rules.md</c>, "Alert lifecycle").</summary>
public enum AlertStatus
{
    /// <summary>The condition does not hold (any more, or it held for less than the rule's <c>for</c>).</summary>
    Inactive,

    /// <summary>The condition holds, but not yet for the rule's <c>for</c> duration.</summary>
    Pending,

    /// <summary>The condition has held for at least the rule's <c>for</c> duration.</summary>
    Firing,

    /// <summary>It was firing and the condition no longer holds.</summary>
    Resolved,
}
