using System.Security.Cryptography;
using System.Text;

namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>
/// Verifies GitHub's <c>X-Hub-Signature-256</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw
/// request body keyed with the webhook secret. The comparison takes the same time whatever the header holds, so a
/// caller cannot learn the signature byte by byte.
/// </summary>
public static class GitHubWebhookSignature
{
    /// <summary>The header GitHub signs deliveries with.</summary>
    public const string Header = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    /// <param name="secret">The webhook secret's bytes (UTF-8); an empty secret verifies nothing.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="header">The header's value; null or malformed is simply invalid.</param>
    /// <returns>True only for a well-formed header that matches.</returns>
    public static bool IsValid(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? header)
    {
        if (secret.IsEmpty || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != 2 * HMACSHA256.HashSizeInBytes || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != given.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header value GitHub would send for <paramref name="body"/> (for senders and tests).</summary>
    /// <param name="secret">The webhook secret.</param>
    /// <param name="body">The body.</param>
    /// <returns><c>sha256=</c> and 64 lower-case hex digits.</returns>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
