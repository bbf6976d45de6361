namespace Analytics.Reports.Delivery;

/// <summary>How one delivery attempt ended.</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>The receiver accepted the message.</summary>
    Sent,

    /// <summary>A failure that may pass (server down, timeout, 5xx, 429): try again later.</summary>
    Retry,

    /// <summary>A refusal that will not change by retrying (unknown mailbox, HTTP 400): give up.</summary>
    Permanent,
}
