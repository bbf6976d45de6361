namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>What receiving one delivery did.</summary>
/// <param name="Kind">Stored, duplicate, ignored or malformed.</param>
/// <param name="Records">Records received in the delivery (0 unless stored).</param>
/// <param name="Changed">Records that were new or different.</param>
/// <param name="Error">Why a malformed delivery was refused.</param>
public sealed record GitHubWebhookOutcome(GitHubWebhookOutcomeKind Kind, int Records, int Changed, string? Error);
