using System.Collections;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Analytics.Host.Cli;
using Analytics.Host.Configuration;

namespace Analytics.Host.Server.Web;

/// <summary>
/// The credentials the web layer checks, read once at start-up from the environment variables and the file the
/// <c>Web</c> settings name. Tokens are kept only as SHA-256 hashes and compared in constant time.
/// </summary>
internal sealed class WebCredentials
{
    private readonly IReadOnlyList<(string Name, byte[] Hash)> _apiTokens;
    private readonly byte[]? _uploadTokenHash;

    private WebCredentials(IReadOnlyList<(string Name, byte[] Hash)> apiTokens, byte[]? uploadTokenHash, byte[]? webhookSecret, IReadOnlyList<IPAddress> trustedProxies, string identityHeader)
    {
        _apiTokens = apiTokens;
        _uploadTokenHash = uploadTokenHash;
        WebhookSecret = webhookSecret;
        TrustedProxies = trustedProxies;
        IdentityHeader = identityHeader;
    }

    /// <summary>The webhook secret's bytes; null when its variable is unset (every delivery is then refused).</summary>
    public byte[]? WebhookSecret { get; }

    /// <summary>Proxies whose <see cref="IdentityHeader"/> is believed.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; }

    /// <summary>The identity header's name.</summary>
    public string IdentityHeader { get; }

    /// <summary>Whether any way to authenticate a reader exists (an API token or a trusted proxy).</summary>
    public bool CanAuthenticate => _apiTokens.Count > 0 || TrustedProxies.Count > 0;

    /// <summary>Whether an upload token is configured.</summary>
    public bool HasUploadToken => _uploadTokenHash is not null;

    /// <summary>Reads the credentials the settings point at.</summary>
    /// <param name="settings">The <c>Web</c> section.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="workingDirectory">Where a relative <see cref="WebSettings.ApiTokenHashFile"/> is found.</param>
    /// <exception cref="UserErrorException">A named variable is unset, the hash file is missing or malformed, or a proxy address does not parse.</exception>
    public static WebCredentials Load(WebSettings settings, IDictionary environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var tokens = new List<(string, byte[])>();
        foreach (var variable in settings.ApiTokenVariables)
        {
            var token = environment[variable] as string;
            if (string.IsNullOrEmpty(token))
            {
                throw new UserErrorException($"Web:ApiTokenVariables: environment variable {variable} is not set");
            }

            tokens.Add((variable, Hash(token)));
        }

        if (settings.ApiTokenHashFile is { } file)
        {
            tokens.AddRange(ReadHashFile(Path.GetFullPath(file, workingDirectory), file));
        }

        var proxies = new List<IPAddress>();
        foreach (var proxy in settings.TrustedProxies)
        {
            proxies.Add(IPAddress.TryParse(proxy, out var address)
                ? Normalise(address)
                : throw new UserErrorException($"Web:TrustedProxies: '{proxy}' is not an IP address"));
        }

        var upload = environment[settings.UploadTokenVariable] as string;
        var secret = environment[settings.WebhookSecretVariable] as string;
        return new WebCredentials(
            tokens,
            string.IsNullOrEmpty(upload) ? null : Hash(upload),
            string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret),
            proxies,
            settings.IdentityHeader);
    }

    /// <summary>The API token's name when <paramref name="token"/> is one; null otherwise.</summary>
    public string? FindApiToken(string token)
    {
        var hash = Hash(token);
        string? found = null;
        foreach (var (name, expected) in _apiTokens)
        {
            // Every entry is compared, so the time taken does not say which one (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= name;
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="token"/> is the upload token.</summary>
    public bool IsUploadToken(string token) =>
        _uploadTokenHash is not null && CryptographicOperations.FixedTimeEquals(Hash(token), _uploadTokenHash);

    /// <summary>Whether <paramref name="address"/> is a trusted proxy.</summary>
    public bool IsTrustedProxy(IPAddress? address) => address is not null && TrustedProxies.Contains(Normalise(address));

    /// <summary>The hex SHA-256 of a token, as the hash file holds it.</summary>
    public static string HashHex(string token) => Convert.ToHexStringLower(Hash(token));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static List<(string, byte[])> ReadHashFile(string path, string shown)
    {
        if (!File.Exists(path))
        {
            throw new UserErrorException($"Web:ApiTokenHashFile: no such file: {shown}");
        }

        var tokens = new List<(string, byte[])>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit))
            {
                throw new UserErrorException(string.Create(CultureInfo.InvariantCulture, $"{shown}:{lineNumber}: expected 'name sha256-hex' (64 hex digits)"));
            }

            tokens.Add((parts[0], Convert.FromHexString(parts[1])));
        }

        return tokens;
    }
}
