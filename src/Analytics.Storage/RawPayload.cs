namespace Analytics.Storage;

/// <summary>A payload exactly as a source sent it, archived so normalisation can be re-run offline.</summary>
/// <param name="Source">The source, such as <c>github</c>.</param>
/// <param name="RequestKey">What was asked for, such as <c>GET /repos/acme/api/pulls?page=2</c>; unique per source.</param>
/// <param name="FetchedAt">When it was received.</param>
/// <param name="ContentType">Its media type, such as <c>application/json</c>.</param>
/// <param name="Body">The bytes received (uncompressed).</param>
public sealed record RawPayload(string Source, string RequestKey, DateTimeOffset FetchedAt, string ContentType, byte[] Body);
