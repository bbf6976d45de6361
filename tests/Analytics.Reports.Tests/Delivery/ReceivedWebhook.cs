namespace Analytics.Reports.Tests.Delivery;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string Method, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
