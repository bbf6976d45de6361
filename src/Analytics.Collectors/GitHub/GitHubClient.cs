using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// A typed REST client: sends the headers GitHub asks for, follows Link paging and redirects, answers from the archive on
/// 304, paces requests to the primary rate limit, obeys <c>retry-after</c> on secondary limits, retries 5xx, timeouts and
/// truncated bodies with jittered exponential backoff (bounded), and bounds the requests in flight. Failures that remain
/// are <see cref="GitHubApiException"/>s whose messages name the URL and never the token.
/// </summary>
internal sealed partial class GitHubClient : IDisposable
{
    /// <summary>The REST API version pinned in every request.</summary>
    internal const string ApiVersion = "2022-11-28";

    /// <summary>The User-Agent GitHub requires.</summary>
    internal const string UserAgent = "analytics-collector/1.0";

    private const int MaxRedirects = 5;
    private static readonly TimeSpan SecondaryLimitMinimumWait = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly GitHubOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _inFlight;
    private readonly Random _jitter;
    private readonly GitHubAppTokenSource? _app;
    private readonly Lock _stateLock = new();
    private RateLimitState? _rateLimit;
    private readonly Dictionary<string, RateLimitState> _limits = new(StringComparer.Ordinal);
    private int _requests;
    private int _notModified;

    /// <summary>Creates a client that owns <paramref name="http"/> (redirects must be off in its handler: they are followed here).</summary>
    public GitHubClient(HttpClient http, GitHubOptions options, TimeProvider time, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetries, 0);
        _http = http;
        _http.Timeout = options.RequestTimeout;
        _options = options;
        _time = time;
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _jitter = jitter ?? Random.Shared;
        if (options.App is { } app)
        {
            _app = new GitHubAppTokenSource(http, app, UrlOf($"app/installations/{app.InstallationId.ToString(CultureInfo.InvariantCulture)}/access_tokens"), options, time, NextJitter);
        }
        else
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(options.Token, nameof(options));
        }
    }

    /// <summary>Installation tokens obtained (GitHub App authentication; 0 with a personal token).</summary>
    public int TokenExchanges => _app?.Exchanges ?? 0;

    /// <summary>Requests sent (retries included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests GitHub answered with 304 (free for the primary limit).</summary>
    public int NotModified => Volatile.Read(ref _notModified);

    /// <summary>The primary rate limit as last reported (of whichever bucket the last response was charged to).</summary>
    public RateLimitState? RateLimit
    {
        get
        {
            lock (_stateLock)
            {
                return _rateLimit;
            }
        }
    }

    /// <summary>Makes an absolute URL from a path relative to the API root (<c>repos/acme/api/pulls</c>).</summary>
    public string UrlOf(string relative)
    {
        var root = _options.BaseUrl.AbsoluteUri.EndsWith('/') ? _options.BaseUrl.AbsoluteUri : _options.BaseUrl.AbsoluteUri + "/";
        return new Uri(new Uri(root), relative.TrimStart('/')).AbsoluteUri;
    }

    /// <summary>Streams every page of a list, following <c>rel="next"</c>; the caller may stop early.</summary>
    public async IAsyncEnumerable<GitHubResponse> GetPagesAsync(string url, IConditionalCache? cache, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = url;
        // GitHub caps lists (3,000 files, 1,000 search results); the bound only stops a server that links in a circle.
        for (var page = 0; next is not null && page < 10_000; page++)
        {
            var response = await GetAsync(next, cache, cancellationToken);
            yield return response;
            next = response.NextUrl;
        }
    }

    /// <summary>Gets one URL as JSON.</summary>
    /// <exception cref="GitHubApiException">The request failed for good.</exception>
    public async Task<GitHubResponse> GetAsync(string url, IConditionalCache? cache, CancellationToken cancellationToken)
    {
        var current = url;
        var redirected = false;
        var redirects = 0;
        var retries = 0;
        var reauthenticated = false;
        while (true)
        {
            await PaceAsync(current, $"GET {current}", CoreBucket, cancellationToken);
            var etag = cache?.GetETag(url);
            byte[]? cached = etag is null ? null : await cache!.GetBodyAsync(url, cancellationToken);
            if (cached is null)
            {
                etag = null;
            }

            Outcome outcome;
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                outcome = await SendAsync(current, etag, cancellationToken);
            }
            finally
            {
                _inFlight.Release();
            }

            switch (outcome)
            {
                case Outcome.Done done:
                    var next = done.Next ?? (done.Body is null ? cache!.GetNextPage(url) : null);
                    return new GitHubResponse(url, done.Body ?? cached!, done.ETag ?? etag, next, done.Body is null, redirected);
                case Outcome.Redirect redirect:
                    if (++redirects > MaxRedirects)
                    {
                        throw new GitHubApiException(GitHubErrorKind.Refused, url, $"GET {url}: more than {MaxRedirects} redirects");
                    }

                    redirected |= redirect.Permanent;
                    current = redirect.Location;
                    continue;
                case Outcome.Reauthenticate when !reauthenticated:
                    // An installation token can be revoked before its expiry: get a new one, once.
                    reauthenticated = true;
                    continue;
                case Outcome.Reauthenticate:
                    throw new GitHubApiException(GitHubErrorKind.Unauthorized, url, $"GET {url}: 401 Unauthorized: {_app!.Describe()} was rejected twice, a fresh one included");
                case Outcome.Retry retry:
                    await WaitToRetryAsync(retry, ++retries, url, $"GET {url}", cancellationToken);
                    continue;
                default:
                    throw new InvalidOperationException("unknown outcome");
            }
        }
    }

    /// <summary>
    /// Downloads a binary (an artifact zip): GitHub answers 302 with a short-lived pre-signed URL, which is fetched
    /// without the token. 5xx and connection failures are retried like JSON requests.
    /// </summary>
    /// <param name="url">The download URL under the API root.</param>
    /// <param name="maxBytes">The most bytes accepted; a longer body fails with <see cref="GitHubErrorKind.TooLarge"/> without being read whole.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="GitHubApiException">410 (<see cref="GitHubErrorKind.Gone"/>), too large, or any other failure that remained.</exception>
    public async Task<byte[]> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        var current = url;
        var redirects = 0;
        var retries = 0;
        while (true)
        {
            await PaceAsync(current, $"GET {current}", CoreBucket, cancellationToken);
            string? failure;
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                // Only the API URL itself gets the token: the pre-signed target must not (source-apis.md §1.8).
                if (redirects == 0 && SameHost(current))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _app is null ? _options.Token : await _app.GetTokenAsync(cancellationToken));
                }

                request.Headers.Accept.ParseAdd("application/vnd.github+json");
                request.Headers.UserAgent.ParseAdd(UserAgent);
                request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
                Interlocked.Increment(ref _requests);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (++redirects > MaxRedirects)
                    {
                        throw new GitHubApiException(GitHubErrorKind.Refused, url, $"GET {url}: more than {MaxRedirects} redirects");
                    }

                    current = (location.IsAbsoluteUri ? location : new Uri(new Uri(current), location)).AbsoluteUri;
                    continue;
                }

                if (status is >= 200 and < 300)
                {
                    if (response.Content.Headers.ContentLength > maxBytes)
                    {
                        throw TooLarge(url, maxBytes);
                    }

                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    using var copy = new MemoryStream();
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        if (copy.Length + read > maxBytes)
                        {
                            throw TooLarge(url, maxBytes);
                        }

                        copy.Write(buffer, 0, read);
                    }

                    return copy.ToArray();
                }

                if (status == 410)
                {
                    throw new GitHubApiException(GitHubErrorKind.Gone, url, $"GET {url}: 410 Gone: expired or removed");
                }

                if (status < 500 && status != 429)
                {
                    var message = GitHubMessage(await response.Content.ReadAsByteArrayAsync(cancellationToken));
                    throw new GitHubApiException(status == 404 ? GitHubErrorKind.NotFound : status is 401 or 403 ? GitHubErrorKind.Forbidden : GitHubErrorKind.Refused, url,
                        $"GET {url}: {status} {response.ReasonPhrase}: {(status is 401 or 403 ? $"{Credential} may not download it; " : "")}(GitHub: {message})");
                }

                failure = $"{status} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                failure = $"connection failed ({Scrub(e.Message)})";
            }
            catch (IOException e)
            {
                failure = $"connection failed ({Scrub(e.Message)})";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {Format(_options.RequestTimeout)}";
            }
            finally
            {
                _inFlight.Release();
            }

            if (++retries > _options.MaxRetries)
            {
                throw new GitHubApiException(GitHubErrorKind.Unavailable, url, $"GET {url}: {failure}; gave up after {_options.MaxRetries} retries");
            }

            // A pre-signed URL lives a minute: start again from the API URL.
            current = url;
            redirects = 0;
            await Task.Delay(Backoff.Delay(retries, _options.BackoffBase, NextJitter()), _time, cancellationToken);
        }
    }

    // Waits before retry number `retries`, or fails when the retries are used up or the wait is longer than allowed.
    private async Task WaitToRetryAsync(Outcome.Retry retry, int retries, string url, string what, CancellationToken cancellationToken)
    {
        if (retries > _options.MaxRetries)
        {
            throw new GitHubApiException(retry.Kind, url, $"{what}: {retry.Reason}; gave up after {_options.MaxRetries} retries");
        }

        var wait = retry.Wait ?? Backoff.Delay(retries, _options.BackoffBase, NextJitter());
        if (wait > _options.MaxRateLimitWait)
        {
            throw new GitHubApiException(retry.Kind, url, $"{what}: {retry.Reason}; the wait of {Format(wait)} exceeds the allowed {Format(_options.MaxRateLimitWait)}");
        }

        await Task.Delay(wait, _time, cancellationToken);
    }

    private static GitHubApiException TooLarge(string url, long maxBytes) =>
        new(GitHubErrorKind.TooLarge, url, $"GET {url}: larger than the allowed {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");

    /// <inheritdoc/>
    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
        _app?.Dispose();
    }

    // REST requests are charged to `core`, GraphQL queries to `graphql`: each is paced by its own bucket.
    private const string CoreBucket = "core";

    private RateLimitState? LimitOf(string resource)
    {
        lock (_stateLock)
        {
            return _limits.TryGetValue(resource, out var state) ? state : null;
        }
    }

    private async Task PaceAsync(string url, string what, string resource, CancellationToken cancellationToken)
    {
        var state = LimitOf(resource);
        var delay = RateLimitPacer.Delay(state, _time.GetUtcNow());
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (delay > _options.MaxRateLimitWait)
        {
            throw new GitHubApiException(GitHubErrorKind.RateLimited, url,
                $"{what}: primary rate limit ({state!.Resource}) has {state.Remaining} of {state.Limit} requests left until {state.Reset.ToString("u", CultureInfo.InvariantCulture)}; waiting {Format(delay)} exceeds the allowed {Format(_options.MaxRateLimitWait)}");
        }

        await Task.Delay(delay, _time, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole body; a connection failure or a timeout comes back as the
    /// outcome to act on instead (a retry, or for GraphQL a page too heavy to answer in time).
    /// </summary>
    private async Task<(HttpResponseMessage? Response, byte[] Body, Outcome? Failure)> TransmitAsync(
        HttpRequestMessage request, bool timeoutIsTooHeavy, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            try
            {
                return (response, await response.Content.ReadAsByteArrayAsync(cancellationToken), null);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, [], new Outcome.Retry(GitHubErrorKind.Unavailable, $"connection failed ({Scrub(e.Message)})", null));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"no answer within {Format(_options.RequestTimeout)}";
            return (null, [], timeoutIsTooHeavy ? new Outcome.TooHeavy(message) : new Outcome.Retry(GitHubErrorKind.Unavailable, message, null));
        }
    }

    private async Task<Outcome> SendAsync(string url, string? etag, CancellationToken cancellationToken)
    {
        var (request, sent) = await CreateRequestAsync(HttpMethod.Get, url, cancellationToken);
        using var disposeRequest = request;
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        Interlocked.Increment(ref _requests);
        var (response, body, failure) = await TransmitAsync(request, timeoutIsTooHeavy: false, cancellationToken);
        if (response is null)
        {
            return failure!;
        }

        using (response)
        {
            var state = RememberRateLimit(response);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                Interlocked.Increment(ref _notModified);
                return new Outcome.Done(null, Header(response, "ETag"), LinkHeader.Next(Header(response, "Link")));
            }

            if (status is >= 200 and < 300)
            {
                try
                {
                    using var document = JsonDocument.Parse(body);
                }
                catch (JsonException e)
                {
                    return new Outcome.Retry(GitHubErrorKind.MalformedResponse, $"malformed JSON ({body.Length} bytes): {e.Message}", null);
                }

                return new Outcome.Done(body, Header(response, "ETag"), LinkHeader.Next(Header(response, "Link")));
            }

            if (status is 301 or 302 or 307 or 308 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(new Uri(url), location);
                return new Outcome.Redirect(target.AbsoluteUri, status is 301 or 308);
            }

            return Refusal($"GET {url}", url, response, state, body, sent);
        }
    }

    // What to do with an answer that is neither a success nor a redirect (REST and GraphQL alike).
    private Outcome Refusal(string what, string url, HttpResponseMessage response, RateLimitState? state, byte[] body, string? sent)
    {
        var status = (int)response.StatusCode;
        var message = GitHubMessage(body);
        if (status == 401 && _app is not null && sent is not null)
        {
            _app.Invalidate(sent);
            return new Outcome.Reauthenticate();
        }

        return status switch
        {
            401 => throw new GitHubApiException(GitHubErrorKind.Unauthorized, url,
                $"{what}: 401 Unauthorized: {Credential} is invalid, revoked or expired{Expiry(response)} (GitHub: {message})"),
            403 or 429 when IsRateLimited(response, state, message) => RateLimitRetry(response, state, status, message),
            403 => throw new GitHubApiException(GitHubErrorKind.Forbidden, url, $"{what}: 403 Forbidden: {Permissions(response)} (GitHub: {message})"),
            404 => throw new GitHubApiException(GitHubErrorKind.NotFound, url,
                $"{what}: 404 Not Found: it does not exist, or {Credential} cannot see it (GitHub: {message})"),
            >= 500 => new Outcome.Retry(GitHubErrorKind.Unavailable, $"{status} {response.ReasonPhrase}", null),
            _ => throw new GitHubApiException(GitHubErrorKind.Refused, url, $"{what}: {status} {response.ReasonPhrase} (GitHub: {message})"),
        };
    }

    private async Task<(HttpRequestMessage Request, string? Sent)> CreateRequestAsync(HttpMethod method, string url, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, url);
        string? sent = null;
        if (SameHost(url))
        {
            // Only GitHub gets the token: a redirect elsewhere (a pre-signed download) must not carry it.
            sent = _app is null ? _options.Token : await _app.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sent);
        }

        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        request.Headers.UserAgent.ParseAdd(UserAgent);
        return (request, sent);
    }

    private RateLimitState? RememberRateLimit(HttpResponseMessage response)
    {
        var state = ReadRateLimit(response);
        if (state is not null)
        {
            lock (_stateLock)
            {
                _rateLimit = state;
                _limits[state.Resource] = state;
            }
        }

        return state;
    }

    private Outcome RateLimitRetry(HttpResponseMessage response, RateLimitState? state, int status, string message)
    {
        if (Header(response, "Retry-After") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return new Outcome.Retry(GitHubErrorKind.RateLimited, $"{status}: secondary rate limit (retry-after {seconds}s; GitHub: {message})", TimeSpan.FromSeconds(Math.Max(0, seconds)));
        }

        if (state is { Remaining: 0 })
        {
            var untilReset = state.Reset - _time.GetUtcNow();
            return new Outcome.Retry(GitHubErrorKind.RateLimited, $"{status}: primary rate limit ({state.Resource}) exhausted until {state.Reset.ToString("u", CultureInfo.InvariantCulture)}",
                untilReset > TimeSpan.Zero ? untilReset + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1));
        }

        // GitHub: without retry-after or an exhausted primary limit, wait at least a minute, longer on repeated hits.
        var backoff = Backoff.Delay(1, SecondaryLimitMinimumWait, NextJitter());
        return new Outcome.Retry(GitHubErrorKind.RateLimited, $"{status}: secondary rate limit (GitHub: {message})", backoff < SecondaryLimitMinimumWait ? SecondaryLimitMinimumWait : backoff);
    }

    private static bool IsRateLimited(HttpResponseMessage response, RateLimitState? state, string message) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || Header(response, "Retry-After") is not null
        || state is { Remaining: 0 }
        || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase);

    private string Permissions(HttpResponseMessage response)
    {
        var accepted = Header(response, "X-Accepted-GitHub-Permissions");
        var neededScopes = Header(response, "X-Accepted-OAuth-Scopes");
        var scopes = Header(response, "X-OAuth-Scopes");
        if (!string.IsNullOrWhiteSpace(accepted))
        {
            return $"{Credential} lacks a permission; this endpoint needs {accepted}";
        }

        if (!string.IsNullOrWhiteSpace(neededScopes))
        {
            return $"{Credential} lacks a scope; this endpoint accepts {neededScopes} (the token has: {(string.IsNullOrWhiteSpace(scopes) ? "none" : scopes)})";
        }

        return $"{Credential} is not allowed to read this (for a fine-grained token grant read access to contents, pull requests, actions and deployments; for a classic token the repo scope)";
    }

    private static string Expiry(HttpResponseMessage response) =>
        Header(response, "GitHub-Authentication-Token-Expiration") is { } expiry ? $"; it expires or expired at {expiry}" : "";

    private RateLimitState? ReadRateLimit(HttpResponseMessage response)
    {
        if (!int.TryParse(Header(response, "x-ratelimit-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return null;
        }

        var limit = int.TryParse(Header(response, "x-ratelimit-limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : Math.Max(remaining, 1);
        return new RateLimitState(limit, remaining, DateTimeOffset.FromUnixTimeSeconds(reset), Header(response, "x-ratelimit-resource") ?? "core");
    }

    private string GitHubMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return Scrub(message.GetString() ?? "");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): show its start below.
        }

        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return Scrub(text.Length == 0 ? "no message" : text);
    }

    private string Credential => _app?.Describe() ?? $"the token in {_options.TokenVariable}";

    // A server echoing the token must not put it into our error messages or logs.
    private string Scrub(string text)
    {
        foreach (var secret in new[] { _options.Token, _app?.CurrentToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private bool SameHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, _options.BaseUrl.Authority, StringComparison.OrdinalIgnoreCase);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private double NextJitter()
    {
        lock (_stateLock)
        {
            return _jitter.NextDouble();
        }
    }

    private static string Format(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s" : $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";

    private abstract record Outcome
    {
        public sealed record Done(byte[]? Body, string? ETag, string? Next) : Outcome;

        public sealed record Redirect(string Location, bool Permanent) : Outcome;

        public sealed record Retry(GitHubErrorKind Kind, string Reason, TimeSpan? Wait) : Outcome;

        public sealed record Reauthenticate : Outcome;

        /// <summary>A GraphQL query GitHub gave up on (502, 504, a timeout, a resource limit): a smaller page may pass.</summary>
        public sealed record TooHeavy(string Reason) : Outcome;
    }
}
