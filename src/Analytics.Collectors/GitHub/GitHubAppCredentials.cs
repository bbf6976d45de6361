using System.Security.Cryptography;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// A GitHub App installation to authenticate as: the app id, the installation id and the app's RSA private key (PEM).
/// The key is checked when this is built and never printed: <see cref="ToString"/> names only the ids and where the
/// key came from.
/// </summary>
public sealed class GitHubAppCredentials
{
    private GitHubAppCredentials(string appId, long installationId, string privateKeyPem, string keySource)
    {
        AppId = appId;
        InstallationId = installationId;
        PrivateKeyPem = privateKeyPem;
        KeySource = keySource;
    }

    /// <summary>The app's id (or client id), sent as the JWT's <c>iss</c>.</summary>
    public string AppId { get; }

    /// <summary>The installation whose token is requested (<c>POST /app/installations/{id}/access_tokens</c>).</summary>
    public long InstallationId { get; }

    /// <summary>Where the key came from (<c>file /etc/analytics/app.pem</c>, <c>environment variable GITHUB_APP_KEY</c>), for messages.</summary>
    public string KeySource { get; }

    /// <summary>The private key in PEM (PKCS#1 <c>RSA PRIVATE KEY</c>, as GitHub issues it, or PKCS#8).</summary>
    internal string PrivateKeyPem { get; }

    /// <summary>Checks and wraps app credentials.</summary>
    /// <param name="appId">The app id (digits) or client id.</param>
    /// <param name="installationId">The installation id (positive).</param>
    /// <param name="privateKeyPem">The PEM text of the app's private key.</param>
    /// <param name="keySource">Where the key came from, for messages (never the key itself).</param>
    /// <exception cref="ArgumentException">A value is missing, or the key is not an RSA private key in PEM; the message names <paramref name="keySource"/>, never the key.</exception>
    public static GitHubAppCredentials Create(string appId, long installationId, string privateKeyPem, string keySource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentOutOfRangeException.ThrowIfLessThan(installationId, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(keySource);
        if (string.IsNullOrWhiteSpace(privateKeyPem))
        {
            throw new ArgumentException($"the GitHub App private key from {keySource} is empty", nameof(privateKeyPem));
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(privateKeyPem);
            // A public key imports too but cannot sign: catch that here, not at the first request.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // The exception's own message may quote the PEM: only say where it came from.
            throw new ArgumentException($"the GitHub App private key from {keySource} is not an RSA private key in PEM form (-----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----)", nameof(privateKeyPem));
        }

        return new GitHubAppCredentials(appId.Trim(), installationId, privateKeyPem, keySource);
    }

    /// <summary>Names the app and installation, never the key.</summary>
    public override string ToString() => $"GitHub App {AppId}, installation {InstallationId} (key from {KeySource})";
}
