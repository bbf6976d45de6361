namespace Analytics.Collectors.GitHub;

/// <summary>One page received from GitHub (or taken from the archive after a 304).</summary>
/// <param name="Url">The URL asked for (after redirects).</param>
/// <param name="Body">The JSON body.</param>
/// <param name="ETag">The entity tag to send next time, if any.</param>
/// <param name="NextUrl">The next page, if any.</param>
/// <param name="NotModified">Whether GitHub answered 304 and <paramref name="Body"/> came from the archive.</param>
/// <param name="Redirected">Whether a 301 was followed to get here.</param>
internal sealed record GitHubResponse(string Url, byte[] Body, string? ETag, string? NextUrl, bool NotModified, bool Redirected);
