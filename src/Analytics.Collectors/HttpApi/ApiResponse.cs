namespace Analytics.Collectors.HttpApi;

/// <summary>A successful answer, parsed, with the bytes received (archived as a raw payload).</summary>
/// <typeparam name="T">The parsed value.</typeparam>
/// <param name="Value">The parsed value.</param>
/// <param name="Body">The bytes received.</param>
/// <param name="RequestKey">The method, path and query (or body) that identify the request.</param>
public sealed record ApiResponse<T>(T Value, byte[] Body, string RequestKey);
