namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>How a webhook delivery was handled.</summary>
public enum GitHubWebhookOutcomeKind
{
    /// <summary>Its records were upserted and the delivery remembered.</summary>
    Stored,

    /// <summary>A delivery with this id was already received; nothing was written.</summary>
    Duplicate,

    /// <summary>An event this product does not use; remembered, nothing else written.</summary>
    Ignored,

    /// <summary>The body is not JSON or lacks a field the records need; nothing was written.</summary>
    Malformed,
}
