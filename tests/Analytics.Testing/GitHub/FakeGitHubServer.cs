using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Testing.Http;

namespace Analytics.Testing.GitHub;

/// <summary>
/// A GitHub-like REST server on 127.0.0.1 (written from source-apis.md §1): bearer-token check, Link-header paging,
/// ETag / 304 (free for the primary limit), x-ratelimit-* headers, 301 for renamed repositories, error bodies, and
/// faults injected on demand. Data lives in memory; tests change it between runs.
/// </summary>
public sealed partial class FakeGitHubServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _renamed = new(StringComparer.OrdinalIgnoreCase);
    private long _nextRepositoryId = 1;
    private int _remaining;
    private int _inFlight;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _installationTokens = new(StringComparer.Ordinal);
    private readonly Lazy<RSA> _appKey = new(() => RSA.Create(2048));
    private Random? _random;
    private int _blobRequestsWithToken;
    private double _faultRate;
    private readonly ConcurrentDictionary<HttpListenerResponse, (string PathAndQuery, string? IfNoneMatch)> _answering = new();

    public FakeGitHubServer(string token = "ghp_test_secret_token_123")
    {
        Token = token;
        _remaining = Limit;
        (_listener, var url) = LoopbackListener.Start();
        BaseUrl = url.ToString();
        _loop = Task.Run(AcceptAsync);
    }

    public string Token { get; }

    /// <summary>The GitHub App whose installation tokens this server issues (JWT <c>iss</c>).</summary>
    public string AppId { get; set; } = "424242";

    public long InstallationId { get; set; } = 777;

    /// <summary>The app's key pair: the server verifies JWTs with its public half; tests hand the private half to the client.</summary>
    public RSA AppKey => _appKey.Value;

    /// <summary>The clock JWTs and installation-token expiry are judged by (tests share theirs with the client).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long an issued installation token is accepted (GitHub: one hour).</summary>
    public TimeSpan InstallationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every accepted JWT's claims (iat, exp, iss) with the time it arrived, and the token issued for it.</summary>
    public ConcurrentQueue<(DateTimeOffset At, long IssuedAt, long Expires, string Issuer, string Token)> TokenExchanges { get; } = new();

    /// <summary>Downloads of pre-signed artifact URLs that carried an Authorization header (should stay 0).</summary>
    public int BlobRequestsWithToken => Volatile.Read(ref _blobRequestsWithToken);

    /// <summary>Revokes every installation token issued so far (they answer 401 from now on).</summary>
    public void RevokeInstallationTokens() => _installationTokens.Clear();

    /// <summary>The API root with a trailing slash, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public string BaseUrl { get; }

    public int Limit { get; set; } = 5000;

    /// <summary>How long a <see cref="FakeFaultKind.Slow"/> answer takes (longer than the client's timeout in tests).</summary>
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(1);

    public int Remaining
    {
        get => Volatile.Read(ref _remaining);
        set => Volatile.Write(ref _remaining, value);
    }

    /// <summary>When the primary window resets (epoch seconds in the headers).</summary>
    public DateTimeOffset Reset { get; set; } = DateTimeOffset.FromUnixTimeSeconds(4_000_000_000);

    public ConcurrentQueue<FakeFault> Faults { get; } = new();

    /// <summary>How long every answer waits before it is written (zero by default): makes a collection take a while.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every request: method, path and query, and the If-None-Match sent.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? IfNoneMatch, int Status)> Log { get; } = new();

    /// <summary>The most requests handled at the same time.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>Faults a share of all requests at random (502, truncated JSON, 429 with retry-after, a slow answer, a reset connection).</summary>
    public void FaultRandomly(double rate, int seed)
    {
        _random = new Random(seed);
        _faultRate = rate;
    }

    public Dictionary<string, List<string>> Organisations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests charged to the primary limit (not 304s).</summary>
    public int Charged => Limit - Remaining;

    public FakeRepository AddRepository(string fullName)
    {
        var repository = new FakeRepository(Interlocked.Increment(ref _nextRepositoryId), fullName, BaseUrl);
        _repositories[fullName] = repository;
        return repository;
    }

    /// <summary>Renames a repository: the old name answers 301 from now on.</summary>
    public void Rename(string from, string to)
    {
        _repositories.TryRemove(from, out var repository);
        repository!.FullName = to;
        _repositories[to] = repository;
        _renamed[from] = to;
    }

    public void Fault(string pathContains, FakeFaultKind kind, int times = 1, int retryAfterSeconds = 2) =>
        Faults.Enqueue(new FakeFault(pathContains, kind, times, retryAfterSeconds));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the accept call.
        }

        _stop.Dispose();
        if (_appKey.IsValueCreated)
        {
            _appKey.Value.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var response = context.Response;
        var pathAndQuery = context.Request.Url!.PathAndQuery;
        var ifNoneMatch = context.Request.Headers["If-None-Match"];
        var status = 500;
        _answering[response] = (pathAndQuery, ifNoneMatch);
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (_stop)
        {
            MaxInFlight = Math.Max(MaxInFlight, inFlight);
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                Thread.Sleep(Latency);
            }

            status = Respond(context.Request, response, pathAndQuery, ifNoneMatch);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            // Answers without a body (304, 302) and failures are logged here; the others just before their body goes out.
            Logged(response, status);
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }

    private int Respond(HttpListenerRequest request, HttpListenerResponse response, string pathAndQuery, string? ifNoneMatch)
    {
        if (request.HttpMethod == "POST" && AccessTokensPath().Match(request.Url!.AbsolutePath) is { Success: true } exchange)
        {
            return IssueInstallationToken(request, response, long.Parse(exchange.Groups["id"].Value, CultureInfo.InvariantCulture));
        }

        if (BlobPath().Match(request.Url!.AbsolutePath) is { Success: true } blob)
        {
            // A pre-signed download: no token needed, and a client should not send one.
            if (request.Headers["Authorization"] is not null)
            {
                Interlocked.Increment(ref _blobRequestsWithToken);
            }

            var owner = _repositories.Values.FirstOrDefault(r => r.ArtifactZips.ContainsKey(long.Parse(blob.Groups["id"].Value, CultureInfo.InvariantCulture)));
            if (owner is null)
            {
                return Error(response, 404, "Not Found");
            }

            response.ContentType = "application/zip";
            var zip = owner.ArtifactZips[long.Parse(blob.Groups["id"].Value, CultureInfo.InvariantCulture)];
            response.StatusCode = 200;
            response.ContentLength64 = zip.Length;
            response.OutputStream.Write(zip);
            return 200;
        }

        if (!Authorized(request.Headers["Authorization"]))
        {
            return Error(response, 401, "Bad credentials");
        }

        if (request.Headers["X-GitHub-Api-Version"] != "2022-11-28" || string.IsNullOrEmpty(request.UserAgent) || request.Headers["Accept"] != "application/vnd.github+json")
        {
            return Error(response, 400, "missing required headers");
        }

        var path = request.Url!.AbsolutePath;
        var graphql = request.HttpMethod == "POST" && path == "/graphql";
        if (_random is not null)
        {
            FakeFaultKind? random;
            lock (_random)
            {
                random = _random.NextDouble() < _faultRate
                    ? new[] { FakeFaultKind.ServerError, FakeFaultKind.TruncatedJson, FakeFaultKind.TooManyRequests, FakeFaultKind.Slow, FakeFaultKind.ConnectionReset }[_random.Next(5)]
                    : null;
            }

            if (random is { } kind)
            {
                return Inject(response, new FakeFault(path, kind, 1, 1), graphql);
            }
        }

        foreach (var fault in Faults)
        {
            if (path.Contains(fault.PathContains, StringComparison.Ordinal) && fault.TryTake())
            {
                return Inject(response, fault, graphql);
            }
        }

        if (graphql)
        {
            return AnswerGraphQL(request, response);
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
        if (RepositoryPath().Match(path) is { Success: true } match && _renamed.TryGetValue($"{match.Groups["owner"].Value}/{match.Groups["name"].Value}", out var newName))
        {
            var rest = match.Groups["rest"].Value;
            var location = rest.Length == 0 ? $"{BaseUrl}repositories/{_repositories[newName].Id}" : $"{BaseUrl}repos/{newName}{rest}{request.Url.Query}";
            response.RedirectLocation = location;
            return Error(response, 301, "Moved Permanently");
        }

        if (ArtifactZipPath().Match(path) is { Success: true } download)
        {
            var id = long.Parse(download.Groups["id"].Value, CultureInfo.InvariantCulture);
            var holder = _repositories.Values.FirstOrDefault(r => r.Artifacts.Values.Any(list => list.Any(a => (long)a["id"]! == id)));
            if (holder is null)
            {
                return Error(response, 404, "Not Found");
            }

            RateHeaders(response, charge: true);
            if (!holder.ArtifactZips.ContainsKey(id))
            {
                return Error(response, 410, "Artifact has expired");
            }

            response.RedirectLocation = $"{BaseUrl}_blobs/{id}?sig=presigned";
            response.StatusCode = 302;
            return 302;
        }

        JsonNode? body = Route(path, query, out var page);
        if (body is null)
        {
            return Error(response, 404, "Not Found");
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        response.Headers["ETag"] = etag;
        if (ifNoneMatch == etag)
        {
            // A 304 need not repeat the link header: the client must remember where the next page was.
            RateHeaders(response, charge: false);
            response.StatusCode = 304;
            return 304;
        }

        if (page is { } paging)
        {
            var links = new List<string>();
            if (paging.Page < paging.Last)
            {
                links.Add($"<{PageUrl(request.Url, paging.Page + 1)}>; rel=\"next\"");
                links.Add($"<{PageUrl(request.Url, paging.Last)}>; rel=\"last\"");
            }

            if (paging.Page > 1)
            {
                links.Add($"<{PageUrl(request.Url, 1)}>; rel=\"first\"");
                links.Add($"<{PageUrl(request.Url, paging.Page - 1)}>; rel=\"prev\"");
            }

            if (links.Count > 0)
            {
                response.Headers["Link"] = string.Join(", ", links);
            }
        }

        RateHeaders(response, charge: true);
        return Write(response, 200, bytes);
    }

    private JsonNode? Route(string path, System.Collections.Specialized.NameValueCollection query, out (int Page, int Last)? page)
    {
        page = null;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var p) ? p : 30, 1, 100);
        var number = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;

        if (OrganisationPath().Match(path) is { Success: true } org)
        {
            if (!Organisations.TryGetValue(org.Groups["org"].Value, out var names))
            {
                return null;
            }

            return Paged(names.Select(name => (JsonNode)_repositories[name].Json()).ToList(), perPage, number, out page);
        }

        if (RepositoryIdPath().Match(path) is { Success: true } byId)
        {
            return _repositories.Values.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == byId.Groups["id"].Value)?.Json();
        }

        if (RepositoryPath().Match(path) is not { Success: true } match
            || !_repositories.TryGetValue($"{match.Groups["owner"].Value}/{match.Groups["name"].Value}", out var repository))
        {
            return null;
        }

        lock (repository)
        {
            var rest = match.Groups["rest"].Value;
            if (rest.Length == 0)
            {
                return repository.Json();
            }

            if (rest == "/pulls")
            {
                var pulls = repository.Pulls.Values.OrderByDescending(x => (string)x["updated_at"]!, StringComparer.Ordinal).ThenByDescending(x => (int)x["number"]!);
                // List items lack the single-PR fields (sizes): drop them as GitHub does.
                return Paged(pulls.Select(x => (JsonNode)Without(x, "additions", "deletions", "changed_files")).ToList(), perPage, number, out page);
            }

            if (PullPath().Match(rest) is { Success: true } pull && repository.Pulls.TryGetValue(int.Parse(pull.Groups["number"].Value, CultureInfo.InvariantCulture), out var pr))
            {
                var key = (int)pr["number"]!;
                return pull.Groups["sub"].Value switch
                {
                    "" => pr.DeepClone(),
                    "/reviews" => Paged(repository.Reviews[key].Select(x => x.DeepClone()).ToList(), perPage, number, out page),
                    "/comments" => Paged(repository.Comments[key].Select(x => x.DeepClone()).ToList(), perPage, number, out page),
                    "/commits" => Paged(repository.Commits[key].Select(x => x.DeepClone()).ToList(), perPage, number, out page),
                    // GitHub lists at most 3,000 files of a pull request.
                    "/files" => Paged(repository.Files[key].Take(3000).Select(x => (JsonNode)x.DeepClone()).ToList(), perPage, number, out page),
                    _ => null,
                };
            }

            if (ArtifactsPath().Match(rest) is { Success: true } artifacts)
            {
                var list = repository.Artifacts.TryGetValue(long.Parse(artifacts.Groups["run"].Value, CultureInfo.InvariantCulture), out var found) ? found : [];
                return new JsonObject { ["total_count"] = list.Count, ["artifacts"] = Paged(list.Select(a => (JsonNode)a.DeepClone()).ToList(), perPage, number, out page) };
            }

            if (rest == "/actions/runs")
            {
                var runs = repository.Runs.Values.Select(a => a[^1]).OrderByDescending(r => (string)r["created_at"]!, StringComparer.Ordinal).ThenByDescending(r => (long)r["id"]!);
                var list = Paged(runs.Select(r => r.DeepClone()).ToList(), perPage, number, out page);
                return new JsonObject { ["total_count"] = repository.Runs.Count, ["workflow_runs"] = list };
            }

            if (AttemptPath().Match(rest) is { Success: true } attempt
                && repository.Runs.TryGetValue(long.Parse(attempt.Groups["run"].Value, CultureInfo.InvariantCulture), out var attempts))
            {
                var index = int.Parse(attempt.Groups["attempt"].Value, CultureInfo.InvariantCulture);
                if (index < 1 || index > attempts.Count)
                {
                    return null;
                }

                if (attempt.Groups["jobs"].Success)
                {
                    var jobs = repository.Jobs[((long)attempts[0]["id"]!, index)];
                    var list = Paged(jobs.Select(j => j.DeepClone()).ToList(), perPage, number, out page);
                    return new JsonObject { ["total_count"] = jobs.Count, ["jobs"] = list };
                }

                return attempts[index - 1].DeepClone();
            }

            if (rest == "/issues")
            {
                // labels (all must match), state (default open), since (updated at or after), sort=updated&direction=asc.
                var wanted = (query["labels"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                var state = query["state"] ?? "open";
                var since = query["since"] is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
                var issues = repository.Issues.Values
                    .Where(i => wanted.All(w => ((JsonArray)i["labels"]!).Any(l => string.Equals((string)l!["name"]!, w, StringComparison.OrdinalIgnoreCase))))
                    .Where(i => state == "all" || (string)i["state"]! == state)
                    .Where(i => DateTimeOffset.Parse((string)i["updated_at"]!, CultureInfo.InvariantCulture) >= since)
                    .OrderBy(i => (string)i["updated_at"]!, StringComparer.Ordinal).ThenBy(i => (int)i["number"]!);
                return Paged(issues.Select(i => (JsonNode)i.DeepClone()).ToList(), perPage, number, out page);
            }

            if (rest == "/deployments")
            {
                var deployments = repository.Deployments.OrderByDescending(d => (string)d["created_at"]!, StringComparer.Ordinal).ThenByDescending(d => (long)d["id"]!);
                return Paged(deployments.Select(d => d.DeepClone()).ToList(), perPage, number, out page);
            }

            if (StatusesPath().Match(rest) is { Success: true } statuses
                && repository.Statuses.TryGetValue(long.Parse(statuses.Groups["id"].Value, CultureInfo.InvariantCulture), out var list2))
            {
                return Paged(Enumerable.Reverse(list2).Select(s => s.DeepClone()).ToList(), perPage, number, out page);
            }

            return null;
        }
    }

    private bool Authorized(string? header)
    {
        if (header == $"Bearer {Token}")
        {
            return true;
        }

        return header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && _installationTokens.TryGetValue(header["Bearer ".Length..], out var expires)
            && Clock.GetUtcNow() < expires;
    }

    // GitHub's checks: an RS256 JWT signed by the app's key, iss = the app, not expired, exp at most 10 minutes ahead.
    private int IssueInstallationToken(HttpListenerRequest request, HttpListenerResponse response, long installation)
    {
        var header = request.Headers["Authorization"] ?? "";
        var parts = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Split('.') : [];
        if (parts.Length != 3)
        {
            return Error(response, 401, "A JSON web token could not be decoded");
        }

        JsonNode? head;
        JsonNode? claims;
        byte[] signature;
        try
        {
            head = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
            claims = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return Error(response, 401, "A JSON web token could not be decoded");
        }

        if ((string?)head?["alg"] != "RS256"
            || !AppKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return Error(response, 401, "A JSON web token could not be decoded");
        }

        var now = Clock.GetUtcNow();
        var iat = (long?)claims?["iat"] ?? 0;
        var exp = (long?)claims?["exp"] ?? 0;
        var iss = claims?["iss"]?.ToString() ?? "";
        if (iss != AppId)
        {
            return Error(response, 401, $"Integration not found ('iss' claim {iss})");
        }

        if (exp <= now.ToUnixTimeSeconds() || exp > now.AddMinutes(10).ToUnixTimeSeconds() || iat > now.AddSeconds(60).ToUnixTimeSeconds())
        {
            return Error(response, 401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires and no more than 10 minutes");
        }

        if (installation != InstallationId)
        {
            return Error(response, 404, "Not Found");
        }

        var token = $"ghs_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18))}";
        var expires = now + InstallationTokenLifetime;
        _installationTokens[token] = expires;
        TokenExchanges.Enqueue((now, iat, exp, iss, token));
        return Write(response, 201, Encoding.UTF8.GetBytes(new JsonObject
        {
            ["token"] = token,
            ["expires_at"] = FakeRepository.Iso(expires),
            ["permissions"] = new JsonObject { ["contents"] = "read", ["pull_requests"] = "read", ["actions"] = "read" },
            ["repository_selection"] = "all",
        }.ToJsonString()));
    }

    private static JsonObject Without(JsonObject source, params string[] names)
    {
        var copy = (JsonObject)source.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static JsonArray Paged(List<JsonNode> items, int perPage, int page, out (int Page, int Last)? paging)
    {
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        paging = (page, last);
        return new JsonArray(items.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone()).ToArray());
    }

    private static string PageUrl(Uri url, int page)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return new UriBuilder(url) { Query = query.ToString() }.Uri.AbsoluteUri;
    }

    private int Inject(HttpListenerResponse response, FakeFault fault, bool graphql)
    {
        switch (fault.Kind)
        {
            case FakeFaultKind.ServerError:
                Charge(response, graphql);
                return Write(response, 502, Encoding.UTF8.GetBytes("<html>502 Bad Gateway</html>"));
            case FakeFaultKind.SecondaryLimit:
                Charge(response, graphql);
                response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Error(response, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
            case FakeFaultKind.TooManyRequests:
                Charge(response, graphql);
                response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Error(response, 429, "Too many requests");
            case FakeFaultKind.TruncatedJson:
                Charge(response, graphql);
                return Write(response, 200, Encoding.UTF8.GetBytes("[{\"number\": 1, \"title\": \"cut he"));
            case FakeFaultKind.MissingPermission:
                Charge(response, graphql);
                response.Headers["X-Accepted-GitHub-Permissions"] = "actions=read";
                return Error(response, 403, "Resource not accessible by personal access token");
            case FakeFaultKind.Slow:
                Thread.Sleep(SlowAnswer);
                Charge(response, graphql);
                return Error(response, 504, "too slow");
            case FakeFaultKind.NotFound:
                Charge(response, graphql);
                return Error(response, 404, "Not Found");
            case FakeFaultKind.ConnectionReset:
                Logged(response, 0);
                response.Abort();
                return 0;
            case FakeFaultKind.PrimaryLimit when graphql:
                // GraphQL says so with HTTP 200, an error and the bucket at zero (source-apis.md §1.11).
                GraphQLRateHeaders(response, false);
                response.Headers["x-ratelimit-remaining"] = "0";
                response.Headers["x-ratelimit-used"] = GraphQLLimit.ToString(CultureInfo.InvariantCulture);
                return Write(response, 200, Encoding.UTF8.GetBytes(new JsonObject
                {
                    ["data"] = null,
                    ["errors"] = new JsonArray(new JsonObject { ["type"] = "RATE_LIMITED", ["message"] = "API rate limit exceeded for user ID 1." }),
                }.ToJsonString()));
            case FakeFaultKind.PrimaryLimit:
                response.Headers["x-ratelimit-limit"] = Limit.ToString(CultureInfo.InvariantCulture);
                response.Headers["x-ratelimit-remaining"] = "0";
                response.Headers["x-ratelimit-used"] = Limit.ToString(CultureInfo.InvariantCulture);
                response.Headers["x-ratelimit-reset"] = Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["x-ratelimit-resource"] = "core";
                return Error(response, 403, "API rate limit exceeded for user ID 1.");
            default:
                throw new InvalidOperationException(fault.Kind.ToString());
        }
    }

    // A fault costs a request (REST) or a point (GraphQL) of its bucket.
    private void Charge(HttpListenerResponse response, bool graphql)
    {
        if (graphql)
        {
            GraphQLRateHeaders(response, true);
        }
        else
        {
            RateHeaders(response, charge: true);
        }
    }

    private void RateHeaders(HttpListenerResponse response, bool charge)
    {
        var remaining = charge ? Math.Max(0, Interlocked.Decrement(ref _remaining)) : Remaining;
        response.Headers["x-ratelimit-limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = (Limit - remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-resource"] = "core";
    }

    private int Error(HttpListenerResponse response, int status, string message) =>
        Write(response, status, Encoding.UTF8.GetBytes(new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = "https://docs.github.com/rest",
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        }.ToJsonString()));

    // A test reading Log.Last() right after its client got an answer must find it there: log before the body is written.
    private void Logged(HttpListenerResponse response, int status)
    {
        if (_answering.TryRemove(response, out var request))
        {
            Log.Enqueue((request.PathAndQuery, request.IfNoneMatch, status));
        }
    }

    private int Write(HttpListenerResponse response, int status, byte[] body)
    {
        Logged(response, status);
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        return status;
    }

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<name>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex("^/app/installations/(?<id>[0-9]+)/access_tokens$")]
    private static partial Regex AccessTokensPath();

    [GeneratedRegex("^/_blobs/(?<id>[0-9]+)$")]
    private static partial Regex BlobPath();

    [GeneratedRegex("^/repos/[^/]+/[^/]+/actions/artifacts/(?<id>[0-9]+)/zip$")]
    private static partial Regex ArtifactZipPath();

    [GeneratedRegex("^/actions/runs/(?<run>[0-9]+)/artifacts$")]
    private static partial Regex ArtifactsPath();

    [GeneratedRegex("^/repositories/(?<id>[0-9]+)$")]
    private static partial Regex RepositoryIdPath();

    [GeneratedRegex("^/orgs/(?<org>[^/]+)/repos$")]
    private static partial Regex OrganisationPath();

    [GeneratedRegex("^/pulls/(?<number>[0-9]+)(?<sub>/reviews|/comments|/commits|/files)?$")]
    private static partial Regex PullPath();

    [GeneratedRegex("^/actions/runs/(?<run>[0-9]+)/attempts/(?<attempt>[0-9]+)(?<jobs>/jobs)?$")]
    private static partial Regex AttemptPath();

    [GeneratedRegex("^/deployments/(?<id>[0-9]+)/statuses$")]
    private static partial Regex StatusesPath();
}
