namespace Analytics.Collectors.Tests.HttpApi;

/// <summary>An answer of the loopback server.</summary>
public sealed record LoopbackResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
