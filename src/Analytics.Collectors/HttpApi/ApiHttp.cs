using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Analytics.Collectors.HttpApi;

/// <summary>
/// Sends requests to one source API with bounded retries: 429 and 503 wait for <c>Retry-After</c> (seconds or a date),
/// else PagerDuty's <c>ratelimit-reset</c> (seconds), else an exponential back-off; other 5xx, timeouts, dropped
/// connections and unreadable JSON back off exponentially. Waits go through the injected <see cref="TimeProvider"/>.
/// 4xx other than 429 fail at once. Errors never include the credentials (which only live in the request headers).
/// </summary>
internal sealed class ApiHttp(HttpClient http, Uri baseUrl, string source, AuthenticationHeaderValue authorization, TimeProvider time, RetryOptions retry)
{
    private readonly Uri _base = new(baseUrl.ToString().TrimEnd('/') + "/");

    /// <summary>The media type sent in <c>Accept</c>; PagerDuty wants its versioned one.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>Sends a request and parses the answer, retrying as the class describes.</summary>
    /// <param name="method">GET or POST.</param>
    /// <param name="pathAndQuery">Relative to the API's base URL.</param>
    /// <param name="jsonBody">The POST body, or null.</param>
    /// <param name="parse">Reads the body; a <see cref="JsonException"/> counts as a malformed answer (retried).</param>
    /// <param name="describeError">Turns an error body into a short message, or null.</param>
    /// <param name="cancellationToken">Cancels the request and the waits.</param>
    /// <exception cref="ApiCallException">The request was refused, or failed after all attempts.</exception>
    public async Task<ApiResponse<T>> SendAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        string? jsonBody,
        Func<byte[], T> parse,
        Func<HttpStatusCode, byte[], string?> describeError,
        CancellationToken cancellationToken)
    {
        var path = pathAndQuery.Split('?')[0];
        var label = $"{method} /{path}";
        var key = jsonBody is null ? $"{method} /{pathAndQuery}" : $"{method} /{pathAndQuery} {jsonBody}";
        string lastProblem = "no attempt made";
        HttpStatusCode? lastStatus = null;
        for (var attempt = 1; attempt <= Math.Max(1, retry.MaxAttempts); attempt++)
        {
            TimeSpan? wait = null;
            using var request = new HttpRequestMessage(method, new Uri(_base, pathAndQuery));
            request.Headers.Authorization = authorization;
            request.Headers.Accept.ParseAdd(Accept);
            if (jsonBody is not null)
            {
                request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(retry.Timeout);
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                lastStatus = response.StatusCode;
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        return new ApiResponse<T>(parse(body), body, key);
                    }
                    catch (JsonException e)
                    {
                        lastProblem = $"malformed JSON in the answer ({e.Message})";
                    }
                }
                else if (status == 429 || status >= 500)
                {
                    lastProblem = $"{status} {response.ReasonPhrase}{Describe(describeError, response.StatusCode, body)}";
                    wait = ServerWait(response);
                }
                else
                {
                    throw new ApiCallException(source, label, response.StatusCode, Refusal(response.StatusCode, response.ReasonPhrase) + Describe(describeError, response.StatusCode, body));
                }
            }
            catch (HttpRequestException e)
            {
                lastProblem = $"no answer ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = $"no answer within {retry.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            }

            if (attempt < retry.MaxAttempts)
            {
                var backoff = retry.InitialBackoff * Math.Pow(2, attempt - 1);
                var delay = wait ?? backoff;
                await Task.Delay(delay > retry.MaxWait ? retry.MaxWait : delay, time, cancellationToken);
            }
        }

        throw new ApiCallException(source, label, lastStatus, $"failed after {retry.MaxAttempts} attempts; last: {lastProblem}");
    }

    private static string Refusal(HttpStatusCode status, string? reason) => status switch
    {
        HttpStatusCode.Unauthorized => "401 Unauthorized: the credentials were not accepted (check the token's environment variable)",
        HttpStatusCode.Forbidden => "403 Forbidden: the account may not read this",
        _ => $"{(int)status} {reason}",
    };

    private static string Describe(Func<HttpStatusCode, byte[], string?> describeError, HttpStatusCode status, byte[] body)
    {
        try
        {
            var text = describeError(status, body);
            return string.IsNullOrWhiteSpace(text) ? "" : $" ({text})";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private TimeSpan? ServerWait(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } after)
        {
            if (after.Delta is { } delta)
            {
                return delta;
            }

            if (after.Date is { } date)
            {
                var until = date - time.GetUtcNow();
                return until > TimeSpan.Zero ? until : TimeSpan.Zero;
            }
        }

        if (response.Headers.TryGetValues("ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
