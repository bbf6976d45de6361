using System.Buffers.Text;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Installation tokens of a GitHub App: signs a JWT with the app's key (RS256; <c>iat</c> a minute in the past against
/// clock drift, <c>exp</c> nine minutes ahead, GitHub allows ten), exchanges it at
/// <c>POST /app/installations/{id}/access_tokens</c>, and keeps the token until five minutes before it expires, so a
/// long sync never sends one that runs out in flight. Concurrent callers share one exchange.
/// </summary>
internal sealed class GitHubAppTokenSource : IDisposable
{
    /// <summary>How long before its expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ClockDrift = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan JwtLifetime = TimeSpan.FromMinutes(9);

    private readonly HttpClient _http;
    private readonly GitHubAppCredentials _app;
    private readonly string _url;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly RSA _key = RSA.Create();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Issued? _current;
    private int _exchanges;

    /// <summary>Creates the source; <paramref name="url"/> is the exchange endpoint under the configured API root.</summary>
    public GitHubAppTokenSource(HttpClient http, GitHubAppCredentials app, string url, GitHubOptions options, TimeProvider time, Func<double> jitter)
    {
        _http = http;
        _app = app;
        _url = url;
        _options = options;
        _time = time;
        _jitter = jitter;
        _key.ImportFromPem(app.PrivateKeyPem);
    }

    /// <summary>Tokens obtained so far.</summary>
    public int Exchanges => Volatile.Read(ref _exchanges);

    /// <summary>Names the credential in messages.</summary>
    public string Describe() => $"the installation token of GitHub App {_app.AppId} (installation {_app.InstallationId})";

    /// <summary>The token in use, if any (to scrub it from messages).</summary>
    public string? CurrentToken => _current?.Token;

    /// <summary>A token valid for at least <see cref="RefreshMargin"/>.</summary>
    /// <exception cref="GitHubApiException">GitHub refused the app's JWT or the installation, or did not answer.</exception>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed it while this one waited.
            if (Fresh(_current) is { } refreshed)
            {
                return refreshed;
            }

            var issued = await ExchangeAsync(cancellationToken);
            _current = issued;
            Interlocked.Increment(ref _exchanges);
            return issued.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (GitHub rejected it: revoked, or the clocks disagree).</summary>
    public void Invalidate(string token)
    {
        if (_current?.Token == token)
        {
            _current = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _key.Dispose();
        _gate.Dispose();
    }

    private string? Fresh(Issued? issued) =>
        issued is not null && _time.GetUtcNow() < issued.ExpiresAt - RefreshMargin ? issued.Token : null;

    /// <summary>The signed JWT (<c>header.payload.signature</c>, base64url).</summary>
    internal string CreateJwt()
    {
        var now = _time.GetUtcNow();
        var header = Encode("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = (now - ClockDrift).ToUnixTimeSeconds(),
            ["exp"] = (now + JwtLifetime).ToUnixTimeSeconds(),
            ["iss"] = _app.AppId,
        }));
        var signed = $"{header}.{payload}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Encode(signature)}";
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private async Task<Issued> ExchangeAsync(CancellationToken cancellationToken)
    {
        for (var retries = 0; ; retries++)
        {
            var jwt = CreateJwt();
            string? failure;
            using (var request = new HttpRequestMessage(HttpMethod.Post, _url))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
                request.Headers.Accept.ParseAdd("application/vnd.github+json");
                request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", GitHubClient.ApiVersion);
                request.Headers.UserAgent.ParseAdd(GitHubClient.UserAgent);
                try
                {
                    using var response = await _http.SendAsync(request, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var status = (int)response.StatusCode;
                    if (status is >= 200 and < 300)
                    {
                        return Read(body);
                    }

                    var message = Message(body, jwt);
                    failure = status switch
                    {
                        401 => throw Fail(GitHubErrorKind.Unauthorized,
                            $"401 Unauthorized: GitHub rejected the app's JWT: the private key from {_app.KeySource} does not belong to app {_app.AppId}, the app id is wrong, or this machine's clock is more than a minute off (GitHub: {message})"),
                        404 => throw Fail(GitHubErrorKind.NotFound,
                            $"404 Not Found: installation {_app.InstallationId} does not exist or does not belong to app {_app.AppId} (GitHub: {message})"),
                        403 => throw Fail(GitHubErrorKind.Forbidden,
                            $"403 Forbidden: app {_app.AppId} may not create tokens for installation {_app.InstallationId} (suspended, or permissions not accepted; GitHub: {message})"),
                        >= 500 => $"{status} {response.ReasonPhrase}",
                        _ => throw Fail(GitHubErrorKind.Refused, $"{status} {response.ReasonPhrase} (GitHub: {message})"),
                    };
                }
                catch (HttpRequestException)
                {
                    failure = "connection failed";
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {_options.RequestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s";
                }
            }

            if (retries >= _options.MaxRetries)
            {
                throw Fail(GitHubErrorKind.Unavailable, $"{failure}; gave up after {_options.MaxRetries} retries");
            }

            await Task.Delay(Backoff.Delay(retries + 1, _options.BackoffBase, _jitter()), _time, cancellationToken);
        }
    }

    private Issued Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var token = document.RootElement.String("token");
            var expiresAt = document.RootElement.Time("expires_at");
            if (string.IsNullOrWhiteSpace(token) || expiresAt is null)
            {
                throw Fail(GitHubErrorKind.MalformedResponse, "the answer lacks 'token' or 'expires_at'");
            }

            return new Issued(token, expiresAt.Value);
        }
        catch (JsonException)
        {
            // The parser's message may quote the body, which holds the token.
            throw Fail(GitHubErrorKind.MalformedResponse, $"malformed JSON ({body.Length} bytes)");
        }
    }

    private static string Message(byte[] body, string jwt)
    {
        string text;
        try
        {
            using var document = JsonDocument.Parse(body);
            text = document.RootElement.String("message") ?? "no message";
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        }

        return text.Replace(jwt, "***", StringComparison.Ordinal);
    }

    private GitHubApiException Fail(GitHubErrorKind kind, string reason) =>
        new(kind, _url, $"POST {_url} (GitHub App {_app.AppId}, installation {_app.InstallationId}): {reason}");

    private sealed record Issued(string Token, DateTimeOffset ExpiresAt);
}
