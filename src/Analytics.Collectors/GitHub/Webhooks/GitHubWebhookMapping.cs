namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>What a delivery maps to: records, an event this product does not use, or an error naming the field.</summary>
/// <param name="Records">The records; null when ignored or malformed.</param>
/// <param name="Ignored">True for an event (or action) that carries nothing this product stores.</param>
/// <param name="Error">Why the payload could not be mapped (a missing or malformed field); null otherwise.</param>
public sealed record GitHubWebhookMapping(GitHubWebhookRecords? Records, bool Ignored, string? Error);
