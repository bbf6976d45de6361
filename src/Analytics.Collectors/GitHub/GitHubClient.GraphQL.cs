using System.Net.Http.Headers;
using System.Text.Json;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// The GraphQL half of the client (source-apis.md §1.11): the same token, pacing, in-flight bound, retries and error
/// classification as REST, charged to the <c>graphql</c> bucket. GitHub answers many failures with HTTP 200 and an
/// <c>errors</c> array: those are errors here too, naming the query and the path, and an exhausted primary limit
/// (200 + error + <c>x-ratelimit-remaining: 0</c>) is handled like REST's 403/429.
/// </summary>
internal sealed partial class GitHubClient
{
    private const string GraphQLBucket = "graphql";
    private int _graphQLRequests;
    private int _graphQLCost;

    /// <summary>The GraphQL endpoint: <c>/graphql</c> under the API root, <c>https://HOST/api/graphql</c> on GitHub Enterprise Server.</summary>
    public string GraphQLUrl
    {
        get
        {
            var root = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
            return root.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase) ? root[..^2] + "graphql" : root + "/graphql";
        }
    }

    /// <summary>GraphQL queries sent (retries included; they are also counted in <see cref="Requests"/>).</summary>
    public int GraphQLRequests => Volatile.Read(ref _graphQLRequests);

    /// <summary>Points the answered GraphQL queries cost, as GitHub reported them (<c>rateLimit.cost</c>).</summary>
    public int GraphQLCost => Volatile.Read(ref _graphQLCost);

    /// <summary>Sends a GraphQL query; 5xx, timeouts, truncated bodies and rate limits are retried as for REST.</summary>
    /// <param name="query">The query.</param>
    /// <param name="mayShrink">
    /// Whether the caller can ask for less: then a 502, 504, timeout or resource-limit error is not retried but returned
    /// as <see cref="GraphQLAnswer.TooHeavy"/>; otherwise it is retried with backoff like any 5xx.
    /// </param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="GitHubApiException">The query failed for good, or GitHub answered with errors (named with their path).</exception>
    public async Task<GraphQLAnswer> QueryAsync(GraphQLRequest query, bool mayShrink, CancellationToken cancellationToken)
    {
        var url = GraphQLUrl;
        var what = $"POST {url} (query {query.Operation})";
        var payload = query.ToJson();
        var retries = 0;
        var reauthenticated = false;
        while (true)
        {
            await PaceAsync(url, what, GraphQLBucket, cancellationToken);
            Outcome outcome;
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                outcome = await PostAsync(url, what, payload, cancellationToken);
            }
            finally
            {
                _inFlight.Release();
            }

            switch (outcome)
            {
                case Outcome.Done done:
                    return new GraphQLAnswer(done.Body, null);
                case Outcome.TooHeavy heavy when mayShrink:
                    return new GraphQLAnswer(null, heavy.Reason);
                case Outcome.TooHeavy heavy:
                    await WaitToRetryAsync(new Outcome.Retry(GitHubErrorKind.Unavailable, heavy.Reason, null), ++retries, url, what, cancellationToken);
                    continue;
                case Outcome.Reauthenticate when !reauthenticated:
                    reauthenticated = true;
                    continue;
                case Outcome.Reauthenticate:
                    throw new GitHubApiException(GitHubErrorKind.Unauthorized, url, $"{what}: 401 Unauthorized: {_app!.Describe()} was rejected twice, a fresh one included");
                case Outcome.Retry retry:
                    await WaitToRetryAsync(retry, ++retries, url, what, cancellationToken);
                    continue;
                default:
                    throw new InvalidOperationException("unexpected outcome of a GraphQL query");
            }
        }
    }

    private async Task<Outcome> PostAsync(string url, string what, byte[] payload, CancellationToken cancellationToken)
    {
        var (request, sent) = await CreateRequestAsync(HttpMethod.Post, url, cancellationToken);
        using var disposeRequest = request;
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _graphQLRequests);
        var (response, body, failure) = await TransmitAsync(request, timeoutIsTooHeavy: true, cancellationToken);
        if (response is null)
        {
            return failure!;
        }

        using (response)
        {
            var state = RememberRateLimit(response);
            var status = (int)response.StatusCode;
            // GitHub stops a query after 10 s with 502 or 504 (source-apis.md §1.1).
            if (status is 502 or 504)
            {
                return new Outcome.TooHeavy($"{status} {response.ReasonPhrase}");
            }

            return status is >= 200 and < 300 ? Answer(what, url, response, state, body) : Refusal(what, url, response, state, body, sent);
        }
    }

    // A 200 is a success only with data and without errors.
    private Outcome Answer(string what, string url, HttpResponseMessage response, RateLimitState? state, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new Outcome.Retry(GitHubErrorKind.MalformedResponse, $"malformed JSON ({body.Length} bytes): {e.Message}", null);
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = root.Items("errors").ToList();
            if (errors.Count > 0)
            {
                var first = errors[0];
                var type = first.String("type") ?? "";
                var message = Scrub(first.String("message") ?? "no message");
                var path = string.Concat(first.Items("path").Select((p, i) => p.ValueKind == JsonValueKind.Number ? $"[{p.GetRawText()}]" : (i == 0 ? "" : ".") + p.GetString()));
                var detail = $"GraphQL error{(type.Length > 0 ? " " + type : "")} at {(path.Length == 0 ? "the query" : path)}: {message}{(errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "")}";
                if (state is { Remaining: 0 } || type == "RATE_LIMITED" || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitRetry(response, state, 200, detail);
                }

                if (IsResourceLimit(type, message))
                {
                    return new Outcome.TooHeavy(detail);
                }

                var kind = type switch
                {
                    "NOT_FOUND" => GitHubErrorKind.NotFound,
                    "FORBIDDEN" or "INSUFFICIENT_SCOPES" => GitHubErrorKind.Forbidden,
                    _ => GitHubErrorKind.Refused,
                };
                throw new GitHubApiException(kind, url, $"{what}: {detail}");
            }

            if (root.Get("data") is not { ValueKind: JsonValueKind.Object } data)
            {
                return new Outcome.Retry(GitHubErrorKind.MalformedResponse, "the answer has neither data nor errors", null);
            }

            if (data.Get("rateLimit")?.Long("cost") is { } cost)
            {
                Interlocked.Add(ref _graphQLCost, (int)cost);
            }
        }

        return new Outcome.Done(body, null, null);
    }

    // Timeouts and node or complexity limits depend on how much one query asks for: a smaller page may pass.
    private static bool IsResourceLimit(string type, string message) =>
        type is "MAX_NODE_LIMIT_EXCEEDED" or "RESOURCE_LIMITS_EXCEEDED" or "TIMEOUT"
        || message.Contains("timeout", StringComparison.OrdinalIgnoreCase)
        || message.Contains("timed out", StringComparison.OrdinalIgnoreCase)
        || message.Contains("in time", StringComparison.OrdinalIgnoreCase)
        || message.Contains("resource limit", StringComparison.OrdinalIgnoreCase);
}
