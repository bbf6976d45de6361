using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.Statuspage;

/// <summary>
/// Statuspage management API: <c>GET /pages/{page_id}/incidents?limit=&amp;page=</c>, which answers a bare JSON array
/// (no envelope), newest first. Authenticates with <c>Authorization: OAuth &lt;key&gt;</c>. Statuspage allows one request
/// per second per token, so requests are spaced by <see cref="StatuspageOptions.MinInterval"/>; a 429 is still retried
/// by <see cref="ApiHttp"/>.
/// </summary>
public sealed class StatuspageClient
{
    /// <summary>The source name of Statuspage records, cursors and payloads.</summary>
    public const string Source = "statuspage";

    private readonly ApiHttp _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minInterval;
    private DateTimeOffset? _last;

    /// <summary>Creates a client.</summary>
    /// <param name="http">An HTTP client (may be shared; its base address is not used).</param>
    /// <param name="baseUrl">The API, such as <see cref="StatuspageOptions.DefaultBaseUrl"/>.</param>
    /// <param name="apiKey">An API key of the Statuspage organisation.</param>
    /// <param name="time">The clock the pacing and retry waits use.</param>
    /// <param name="minInterval">The least time between requests (Statuspage: 1 s).</param>
    /// <param name="retry">Retry limits; null for the defaults.</param>
    public StatuspageClient(HttpClient http, Uri baseUrl, string apiKey, TimeProvider time, TimeSpan minInterval, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(time);
        _http = new ApiHttp(http, baseUrl, Source, new AuthenticationHeaderValue("OAuth", apiKey), time, retry ?? new RetryOptions());
        _time = time;
        _minInterval = minInterval;
    }

    /// <summary>One page (from 1) of a status page's incidents.</summary>
    internal async Task<ApiResponse<JsonElement>> ListIncidentsAsync(string pageId, int page, int limit, CancellationToken cancellationToken)
    {
        // Callers send one request at a time (the sync is serial), so the pacing needs no lock.
        try
        {
            if (_last is { } last && last + _minInterval - _time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"pages/{Uri.EscapeDataString(pageId)}/incidents?limit={limit}&page={page}");
            return await _http.SendAsync(HttpMethod.Get, path, null, JsonFields.Parse, DescribeError, cancellationToken);
        }
        finally
        {
            _last = _time.GetUtcNow();
        }
    }

    /// <summary>Statuspage's <c>{"error": "…"}</c> (or <c>message</c>) as one line, with what a 401, 403 or 404 means.</summary>
    private static string? DescribeError(HttpStatusCode status, byte[] body)
    {
        var parts = new List<string>();
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                parts.Add("the API key was refused (sent as 'Authorization: OAuth'; check the key's environment variable)");
                break;
            case HttpStatusCode.Forbidden:
                parts.Add("the key's user may not read this page");
                break;
            case HttpStatusCode.NotFound:
                parts.Add("no such page id (Statuspage:PageIds)");
                break;
        }

        if (body.Length > 0 && body[0] is (byte)'{')
        {
            var root = JsonFields.Parse(body);
            if ((root.Text("error") ?? root.Text("message")) is { } message)
            {
                parts.Add(message);
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
