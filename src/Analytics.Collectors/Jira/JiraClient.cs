using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.Jira;

/// <summary>
/// Jira Cloud REST v3: the enhanced JQL search (<c>POST /rest/api/3/search/jql</c>, <c>nextPageToken</c> paging), the
/// bulk changelog (<c>POST /rest/api/3/changelog/bulkfetch</c>) and the status list. Authenticates with an e-mail and
/// an API token (basic). A 410 means the retired <c>/search</c> is being reached through a proxy or an old site: it is
/// reported, never worked around.
/// </summary>
public sealed class JiraClient
{
    /// <summary>The source name of Jira records, cursors and payloads.</summary>
    public const string Source = "jira";

    private readonly ApiHttp _http;

    /// <summary>Creates a client.</summary>
    /// <param name="http">An HTTP client (may be shared; its base address is not used).</param>
    /// <param name="baseUrl">The site.</param>
    /// <param name="email">The account's e-mail.</param>
    /// <param name="apiToken">The API token.</param>
    /// <param name="time">The clock the retry waits use.</param>
    /// <param name="retry">Retry limits; null for the defaults.</param>
    public JiraClient(HttpClient http, Uri baseUrl, string email, string apiToken, TimeProvider time, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiToken);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{apiToken}"));
        _http = new ApiHttp(http, baseUrl, Source, new AuthenticationHeaderValue("Basic", basic), time, retry ?? new RetryOptions());
    }

    /// <summary>One page of the enhanced JQL search.</summary>
    internal Task<ApiResponse<JsonElement>> SearchAsync(string jql, IReadOnlyList<string> fields, int maxResults, string? nextPageToken, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["jql"] = jql,
            ["fields"] = fields,
            ["maxResults"] = maxResults,
        };
        if (nextPageToken is not null)
        {
            body["nextPageToken"] = nextPageToken;
        }

        return PostAsync("rest/api/3/search/jql", body, cancellationToken);
    }

    /// <summary>One page of status changelogs for up to 1,000 issues.</summary>
    internal Task<ApiResponse<JsonElement>> BulkChangelogAsync(IReadOnlyList<string> issueIds, string? nextPageToken, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["issueIdsOrKeys"] = issueIds,
            ["fieldIds"] = new[] { "status" },
            ["maxResults"] = 1000,
        };
        if (nextPageToken is not null)
        {
            body["nextPageToken"] = nextPageToken;
        }

        return PostAsync("rest/api/3/changelog/bulkfetch", body, cancellationToken);
    }

    /// <summary>Every status with its category (<c>GET /rest/api/3/status</c>, unpaged).</summary>
    internal Task<ApiResponse<JsonElement>> StatusesAsync(CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Get, "rest/api/3/status", null, JsonFields.Parse, DescribeError, cancellationToken);

    private Task<ApiResponse<JsonElement>> PostAsync(string path, Dictionary<string, object> body, CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), JsonFields.Parse, DescribeError, cancellationToken);

    /// <summary>Jira's <c>ErrorCollection</c> as one line; a 410 as the configuration error it is.</summary>
    private static string? DescribeError(HttpStatusCode status, byte[] body)
    {
        if (status == HttpStatusCode.Gone)
        {
            return "this endpoint is retired on Jira Cloud; the collector uses /rest/api/3/search/jql, so check BaseUrl points at a Cloud site";
        }

        if (body.Length == 0)
        {
            return null;
        }

        var root = JsonFields.Parse(body);
        var messages = root.Items("errorMessages").Select(e => e.AsText()).OfType<string>()
            .Concat(root.Get("errors").ValueKind == JsonValueKind.Object
                ? root.Get("errors").EnumerateObject().Select(p => $"{p.Name}: {p.Value.AsText()}")
                : []);
        return string.Join("; ", messages);
    }
}
