using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.Jira;

/// <summary>
/// A Jira site's REST API. On <see cref="JiraFlavor.Cloud"/> (the constructor): REST v3, the enhanced JQL search
/// (<c>POST /rest/api/3/search/jql</c>, <c>nextPageToken</c> paging), the bulk changelog
/// (<c>POST /rest/api/3/changelog/bulkfetch</c>) and the status list, authenticated with an e-mail and an API token
/// (basic); a 410 means the retired <c>/search</c> is being reached through a proxy or an old site: it is reported,
/// never worked around. On <see cref="JiraFlavor.DataCenter"/> (<see cref="ForDataCenter"/>): REST v2,
/// <c>POST /rest/api/2/search</c> with <c>startAt</c> paging and the changelog expanded, single issues, the status list,
/// authenticated with a personal access token (bearer).
/// </summary>
public sealed class JiraClient
{
    /// <summary>The source name of Jira records, cursors and payloads.</summary>
    public const string Source = "jira";

    private readonly ApiHttp _http;

    private JiraClient(ApiHttp http, JiraFlavor flavor)
    {
        _http = http;
        Flavor = flavor;
    }

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
        Flavor = JiraFlavor.Cloud;
    }

    /// <summary>Which API the client speaks.</summary>
    public JiraFlavor Flavor { get; }

    /// <summary>Creates a client for Jira Server or Data Center (REST v2) with a personal access token (Jira 8.14+).</summary>
    /// <param name="http">An HTTP client (may be shared; its base address is not used).</param>
    /// <param name="baseUrl">The site, including any context path (<c>https://jira.acme.com/jira</c>).</param>
    /// <param name="personalAccessToken">The token, sent as <c>Authorization: Bearer</c>.</param>
    /// <param name="time">The clock the retry waits use.</param>
    /// <param name="retry">Retry limits; null for the defaults.</param>
    public static JiraClient ForDataCenter(HttpClient http, Uri baseUrl, string personalAccessToken, TimeProvider time, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(personalAccessToken);
        var api = new ApiHttp(http, baseUrl, Source, new AuthenticationHeaderValue("Bearer", personalAccessToken), time, retry ?? new RetryOptions());
        return new JiraClient(api, JiraFlavor.DataCenter);
    }

    /// <summary>
    /// One page of the Data Center search (<c>POST /rest/api/2/search</c>) with each issue's changelog expanded:
    /// <c>{startAt, maxResults, total, issues}</c>.
    /// </summary>
    internal Task<ApiResponse<JsonElement>> SearchFromAsync(string jql, IReadOnlyList<string> fields, int startAt, int maxResults, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["jql"] = jql,
            ["startAt"] = startAt,
            ["maxResults"] = maxResults,
            ["fields"] = fields,
            ["expand"] = new[] { "changelog" },
        };
        return PostAsync("rest/api/2/search", body, cancellationToken);
    }

    /// <summary>One issue with its whole changelog (<c>GET /rest/api/2/issue/{key}?expand=changelog</c>), Data Center.</summary>
    internal Task<ApiResponse<JsonElement>> IssueWithChangelogAsync(string key, CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Get, $"rest/api/2/issue/{Uri.EscapeDataString(key)}?expand=changelog&fields=status", null, JsonFields.Parse, DescribeError, cancellationToken);

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
        _http.SendAsync(HttpMethod.Get, Flavor == JiraFlavor.Cloud ? "rest/api/3/status" : "rest/api/2/status", null, JsonFields.Parse, DescribeError, cancellationToken);

    private Task<ApiResponse<JsonElement>> PostAsync(string path, Dictionary<string, object> body, CancellationToken cancellationToken) =>
        _http.SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), JsonFields.Parse, DescribeError, cancellationToken);

    /// <summary>
    /// Jira's <c>ErrorCollection</c> as one line, after what the status means for this flavor: a 410 as the configuration
    /// error it is; a 401 or 403 with what to check (the token, its kind, the account's permissions).
    /// </summary>
    private string? DescribeError(HttpStatusCode status, byte[] body)
    {
        var hint = (status, Flavor) switch
        {
            (HttpStatusCode.Gone, _) => "this endpoint is retired on Jira Cloud; the collector uses /rest/api/3/search/jql, so check BaseUrl points at a Cloud site",
            (HttpStatusCode.Unauthorized, JiraFlavor.DataCenter) => "the personal access token was refused: it may be expired, revoked or for another site (Data Center sends it as a bearer token; Jira 8.14+)",
            (HttpStatusCode.Unauthorized, JiraFlavor.Cloud) => "the e-mail and API token were refused (Cloud uses basic auth with an API token from id.atlassian.com)",
            (HttpStatusCode.Forbidden, JiraFlavor.DataCenter) => "the token's user may not browse this project, or the server asks for a CAPTCHA after failed logins (log in once in a browser)",
            (HttpStatusCode.Forbidden, JiraFlavor.Cloud) => "the account may not browse this project, or the API token lacks a scope",
            _ => null,
        };
        var messages = new List<string>();
        if (hint is not null)
        {
            messages.Add(hint);
        }

        if (body.Length > 0 && body[0] is (byte)'{')
        {
            var root = JsonFields.Parse(body);
            messages.AddRange(root.Items("errorMessages").Select(e => e.AsText()).OfType<string>());
            if (root.Get("errors").ValueKind == JsonValueKind.Object)
            {
                messages.AddRange(root.Get("errors").EnumerateObject().Select(p => $"{p.Name}: {p.Value.AsText()}"));
            }
        }

        return messages.Count == 0 ? null : string.Join("; ", messages);
    }
}
