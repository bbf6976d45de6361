using System.Text.RegularExpressions;

namespace Analytics.Collectors.Git;

/// <summary>Reads a repository's full name out of a remote URL, and removes credentials from one.</summary>
internal static partial class GitRemoteUrl
{
    /// <summary>
    /// The repository's full name from a remote URL: the path after the host without a trailing <c>.git</c> or slash,
    /// so <c>https://github.com/owner/name.git</c>, <c>ssh://git@github.com:22/owner/name</c>,
    /// <c>git@github.com:owner/name.git</c> all give <c>owner/name</c> (and a GitLab <c>group/sub/name</c> keeps its
    /// groups). Null for a local path or <c>file://</c> URL, or a URL with no path.
    /// </summary>
    public static string? TryGetFullName(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        string path;
        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
            {
                return null;
            }

            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else if (ScpLike().Match(url) is { Success: true } match)
        {
            path = match.Groups["path"].Value;
        }
        else
        {
            return null;
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4].TrimEnd('/');
        }

        return path.Length == 0 ? null : path;
    }

    /// <summary>
    /// The URL without credentials: the user-info part of an http(s) URL (where tokens travel) or of any URL with a
    /// password is removed (<c>https://user:token@host/…</c> → <c>https://host/…</c>); an ssh user stays.
    /// </summary>
    public static string Redact(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && uri.UserInfo.Length > 0
            && (uri.Scheme is "http" or "https" || uri.UserInfo.Contains(':', StringComparison.Ordinal)))
        {
            var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
            return builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        }

        return trimmed;
    }

    /// <summary>scp-like syntax <c>[user@]host:path</c>; a one-letter host would be a Windows drive, so it needs two.</summary>
    [GeneratedRegex(@"^(?:[^@/:]+@)?(?<host>[^@/:]{2,}):(?<path>[^/].*|/.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();
}
