namespace Analytics.Collectors.GitHub;

/// <summary>
/// What the client may send as <c>If-None-Match</c>, and where it finds the body when GitHub answers 304: the entity
/// tags come from the repository's cursor, the bodies from the payload archive.
/// </summary>
internal interface IConditionalCache
{
    /// <summary>The entity tag stored for a URL, or null.</summary>
    string? GetETag(string url);

    /// <summary>The next page stored for a URL: a 304 need not repeat the <c>link</c> header.</summary>
    string? GetNextPage(string url);

    /// <summary>The body archived for a URL, or null when it is missing (then the request is sent unconditionally).</summary>
    Task<byte[]?> GetBodyAsync(string url, CancellationToken cancellationToken);
}
