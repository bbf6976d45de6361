using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.Opsgenie;

/// <summary>
/// Opsgenie REST: <c>GET /v1/incidents/</c> and <c>GET /v2/alerts</c> with a search <c>query</c> (required by the
/// incidents listing), <c>offset</c>/<c>limit</c> paging, sorted by creation ascending. Authenticates with
/// <c>Authorization: GenieKey &lt;key&gt;</c>. Rate limiting (429, with or without <c>Retry-After</c>) and faults are
/// retried by <see cref="ApiHttp"/>.
/// </summary>
public sealed class OpsgenieClient
{
    /// <summary>The source name of Opsgenie records, cursors and payloads.</summary>
    public const string Source = "opsgenie";

    private readonly ApiHttp _http;

    /// <summary>Creates a client.</summary>
    /// <param name="http">An HTTP client (may be shared; its base address is not used).</param>
    /// <param name="baseUrl">The API (<see cref="OpsgenieOptions.UsBaseUrl"/> or <see cref="OpsgenieOptions.EuBaseUrl"/>).</param>
    /// <param name="apiKey">An API key of an API integration (read access).</param>
    /// <param name="time">The clock the retry waits use.</param>
    /// <param name="retry">Retry limits; null for the defaults.</param>
    public OpsgenieClient(HttpClient http, Uri baseUrl, string apiKey, TimeProvider time, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = new ApiHttp(http, baseUrl, Source, new AuthenticationHeaderValue("GenieKey", apiKey), time, retry ?? new RetryOptions());
    }

    /// <summary>One page of a listing: <c>{data, paging{next…}, took, requestId}</c>.</summary>
    internal Task<ApiResponse<JsonElement>> ListAsync(OpsgenieKind kind, string query, int offset, int limit, CancellationToken cancellationToken)
    {
        var path = kind == OpsgenieKind.Incidents ? "v1/incidents/" : "v2/alerts";
        var request = string.Create(CultureInfo.InvariantCulture,
            $"{path}?query={Uri.EscapeDataString(query)}&offset={offset}&limit={limit}&sort=createdAt&order=asc");
        return _http.SendAsync(HttpMethod.Get, request, null, JsonFields.Parse, DescribeError, cancellationToken);
    }

    /// <summary>The path a listing is reported under.</summary>
    internal static string Label(OpsgenieKind kind) => kind == OpsgenieKind.Incidents ? "GET /v1/incidents/" : "GET /v2/alerts";

    /// <summary>Opsgenie's <c>{message, code, took, requestId}</c> as one line, with what a 401 or 403 means.</summary>
    private static string? DescribeError(HttpStatusCode status, byte[] body)
    {
        var parts = new List<string>();
        if (status == HttpStatusCode.Unauthorized)
        {
            parts.Add("the API key was refused (GenieKey; check the key's environment variable, and the EU base URL for EU accounts)");
        }
        else if (status == HttpStatusCode.Forbidden)
        {
            parts.Add("the API key lacks read access (an API integration key with 'Read' rights is needed)");
        }

        if (body.Length > 0 && body[0] is (byte)'{')
        {
            var root = JsonFields.Parse(body);
            if (root.Text("message") is { } message)
            {
                parts.Add(message);
            }

            if (root.Text("requestId") is { } id)
            {
                parts.Add($"requestId {id}");
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
