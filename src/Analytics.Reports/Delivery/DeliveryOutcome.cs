namespace Analytics.Reports.Delivery;

/// <summary>The result of one delivery attempt. Equality is by value.</summary>
/// <param name="Kind">Sent, retry later, or give up.</param>
/// <param name="Error">Why it failed, naming the channel and target but never a secret; null when sent.</param>
/// <param name="RetryAfter">The least wait the receiver asked for (HTTP <c>Retry-After</c>); null when it did not.</param>
public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? Error, TimeSpan? RetryAfter)
{
    /// <summary>The receiver accepted the message.</summary>
    public static DeliveryOutcome Sent { get; } = new(DeliveryOutcomeKind.Sent, null, null);

    /// <summary>A failure worth retrying.</summary>
    public static DeliveryOutcome Retry(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcomeKind.Retry, error, retryAfter);

    /// <summary>A refusal not worth retrying.</summary>
    public static DeliveryOutcome Permanent(string error) => new(DeliveryOutcomeKind.Permanent, error, null);
}
