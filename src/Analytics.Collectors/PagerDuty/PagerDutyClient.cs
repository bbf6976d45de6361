using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.PagerDuty;

/// <summary>
/// PagerDuty REST API v2: incidents listed by creation window with classic offset paging, and each incident's log
/// entries. Sends <c>Authorization: Token token=…</c>, the versioned <c>Accept</c> header and <c>time_zone=UTC</c>
/// (log-entry times otherwise follow the account's zone).
/// </summary>
public sealed class PagerDutyClient
{
    /// <summary>The source name of PagerDuty records, cursors and payloads.</summary>
    public const string Source = "pagerduty";

    private readonly ApiHttp _http;

    /// <summary>Creates a client.</summary>
    /// <param name="http">An HTTP client (may be shared; its base address is not used).</param>
    /// <param name="baseUrl">The API (<see cref="PagerDutyOptions.UsBaseUrl"/> or <see cref="PagerDutyOptions.EuBaseUrl"/>).</param>
    /// <param name="token">A REST API key.</param>
    /// <param name="time">The clock the retry waits use.</param>
    /// <param name="retry">Retry limits; null for the defaults.</param>
    public PagerDutyClient(HttpClient http, Uri baseUrl, string token, TimeProvider time, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _http = new ApiHttp(http, baseUrl, Source, new AuthenticationHeaderValue("Token", $"token={token}"), time, retry ?? new RetryOptions())
        {
            Accept = "application/vnd.pagerduty+json;version=2",
        };
    }

    /// <summary>One page of incidents created in [since, until).</summary>
    internal Task<ApiResponse<JsonElement>> ListIncidentsAsync(
        DateTimeOffset since, DateTimeOffset until, IReadOnlyList<string> serviceIds, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("incidents?time_zone=UTC&sort_by=created_at:asc&total=false")
            .Append(CultureInfo.InvariantCulture, $"&since={Uri.EscapeDataString(Iso(since))}&until={Uri.EscapeDataString(Iso(until))}")
            .Append(CultureInfo.InvariantCulture, $"&offset={offset}&limit={limit}");
        foreach (var id in serviceIds)
        {
            query.Append("&service_ids%5B%5D=").Append(Uri.EscapeDataString(id));
        }

        return _http.SendAsync(HttpMethod.Get, query.ToString(), null, JsonFields.Parse, DescribeError, cancellationToken);
    }

    /// <summary>One page of an incident's log entries.</summary>
    internal Task<ApiResponse<JsonElement>> LogEntriesAsync(string incidentId, int offset, int limit, CancellationToken cancellationToken) =>
        _http.SendAsync(
            HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"incidents/{Uri.EscapeDataString(incidentId)}/log_entries?time_zone=UTC&is_overview=false&offset={offset}&limit={limit}"),
            null,
            JsonFields.Parse,
            DescribeError,
            cancellationToken);

    /// <summary>An instant with an explicit offset, as PagerDuty wants.</summary>
    internal static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>PagerDuty's <c>{"error":{"message","code","errors"}}</c> as one line.</summary>
    private static string? DescribeError(HttpStatusCode status, byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var error = JsonFields.Parse(body).Get("error");
        var details = error.Items("errors").Select(e => e.AsText()).OfType<string>();
        var code = error.Text("code");
        return string.Join("; ", new[] { error.Text("message") }.OfType<string>().Concat(details).Distinct(StringComparer.Ordinal)) + (code is null ? "" : $" [code {code}]");
    }
}
