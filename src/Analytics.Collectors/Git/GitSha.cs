namespace Analytics.Collectors.Git;

/// <summary>Checks on commit hashes (SHA-1: 40 hex digits; SHA-256: 64).</summary>
internal static class GitSha
{
    /// <summary>Whether <paramref name="text"/> is a full hash.</summary>
    public static bool IsFull(string text) => text.Length is 40 or 64 && IsHex(text);

    /// <summary>Whether <paramref name="text"/> could be a (possibly abbreviated) hash: 4 to 64 hex digits.</summary>
    public static bool IsHashLike(string text) => text.Length is >= 4 and <= 64 && IsHex(text);

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
