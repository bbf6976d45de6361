using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Collectors.Tests.HttpApi;

namespace Analytics.Collectors.Tests.Jira;

/// <summary>
/// A Jira Cloud written from source-apis.md §3: <c>POST /rest/api/3/search/jql</c> with opaque <c>nextPageToken</c>s and
/// no total, which filters by <c>project = "X"</c> and <c>updated &gt;= "yyyy-MM-dd HH:mm"</c> (read as UTC) and sorts
/// by <c>updated</c>; <c>POST /rest/api/3/changelog/bulkfetch</c> (oldest first, by date then issue id, paged);
/// <c>GET /rest/api/3/status</c>; the retired <c>/rest/api/3/search</c> answers 410; wrong credentials 401.
/// In Data Center mode (§3.7) it is REST v2 instead: <c>POST /rest/api/2/search</c> with <c>startAt</c>/<c>maxResults</c>/
/// <c>total</c>, ordered by the JQL's <c>ORDER BY created</c> or <c>updated</c>, each issue's changelog inline (whole,
/// unless <see cref="InlineChangelogCap"/> cuts it), <c>GET /rest/api/2/issue/{key}?expand=changelog</c>,
/// <c>GET /rest/api/2/status</c>, users by <c>name</c>, changelog items without <c>fieldId</c>, a bearer personal access
/// token; the Cloud endpoints answer 404.
/// </summary>
public sealed partial class JiraFakeServer : IAsyncDisposable
{
    public const string Email = "bot@example.com";
    public const string Token = "jira-secret-token-123";
    public const string StoryPointsField = "customfield_10016";
    public const string SprintField = "customfield_10020";
    public const string ServiceField = "customfield_10050";
    public const string DeploymentField = "customfield_10060";
    public const string PersonalAccessToken = "jira-dc-pat-789";

    private static readonly (string Id, string Name, string Key)[] s_statuses =
    [
        ("1", "To Do", "new"), ("3", "In Progress", "indeterminate"), ("10001", "Blocked", "indeterminate"), ("5", "Done", "done"),
    ];

    public JiraFakeServer(bool dataCenter = false)
    {
        DataCenter = dataCenter;
        Server = new LoopbackServer(Handle);
    }

    public bool DataCenter { get; }

    /// <summary>Data Center: the most histories the search embeds per issue (null: all, as Data Center does).</summary>
    public int? InlineChangelogCap { get; set; }

    public LoopbackServer Server { get; }

    public List<FakeJiraIssue> Issues { get; } = [];

    /// <summary>The most issues a search page holds, whatever maxResults asks.</summary>
    public int SearchPageCap { get; set; } = 3;

    /// <summary>Histories per bulk changelog page.</summary>
    public int ChangelogPageSize { get; set; } = 4;

    public Uri BaseUrl => Server.BaseUrl;

    public IEnumerable<string> SearchedJql => Server.Requests.Where(r => r.Path == "/rest/api/3/search/jql")
        .Select(r => JsonNode.Parse(r.Body)!["jql"]!.GetValue<string>());

    public static string StatusName(string id) => s_statuses.Single(s => s.Id == id).Name;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>Jira's wire form: <c>2024-01-02T03:04:05.678+0530</c>.</summary>
    public static string JiraDate(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            + sign + Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture) + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
    }

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        if (DataCenter)
        {
            return HandleDataCenter(request);
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}"));
        if (request.Authorization != expected)
        {
            return new LoopbackResponse(401, """{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}""");
        }

        return (request.Method, request.Path) switch
        {
            ("GET", "/rest/api/3/status") => Ok(new JsonArray(s_statuses.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["name"] = s.Name,
                ["statusCategory"] = new JsonObject { ["key"] = s.Key },
            }).ToArray())),
            ("POST", "/rest/api/3/search/jql") => Search(JsonNode.Parse(request.Body)!.AsObject()),
            ("POST", "/rest/api/3/changelog/bulkfetch") => Changelog(JsonNode.Parse(request.Body)!.AsObject()),
            (_, "/rest/api/3/search") => new LoopbackResponse(410, """{"errorMessages":["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."]}"""),
            _ => new LoopbackResponse(404, """{"errorMessages":["No such endpoint"]}"""),
        };
    }

    private LoopbackResponse HandleDataCenter(LoopbackRequest request)
    {
        if (request.Authorization != "Bearer " + PersonalAccessToken)
        {
            return new LoopbackResponse(401, """{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}""");
        }

        var segments = request.Path.Trim('/').Split('/');
        return (request.Method, request.Path) switch
        {
            ("GET", "/rest/api/2/status") => Ok(StatusList()),
            ("POST", "/rest/api/2/search") => SearchFrom(JsonNode.Parse(request.Body)!.AsObject()),
            ("GET", _) when segments is ["rest", "api", "2", "issue", var key] && Issues.FirstOrDefault(i => i.Key == key) is { } issue =>
                Ok(new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["changelog"] = Changelog(issue, null) }),
            _ => new LoopbackResponse(404, """{"errorMessages":["null for uri"]}"""),
        };
    }

    private LoopbackResponse SearchFrom(JsonObject body)
    {
        var jql = body["jql"]!.GetValue<string>();
        var byCreated = jql.Contains("ORDER BY created ASC", StringComparison.Ordinal);
        var matching = Matching(jql)
            .OrderBy(i => byCreated ? i.Created : i.Updated).ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var startAt = body["startAt"]?.GetValue<int>() ?? 0;
        var size = Math.Min(body["maxResults"]?.GetValue<int>() ?? 50, SearchPageCap);
        var expanded = body["expand"]?.AsArray().Any(e => e!.GetValue<string>() == "changelog") == true;
        var page = matching.Skip(startAt).Take(size).Select(i =>
        {
            var rendered = Render(i);
            rendered["changelog"] = expanded ? Changelog(i, InlineChangelogCap) : null;
            return (JsonNode)rendered;
        }).ToArray();
        return Ok(new JsonObject
        {
            ["expand"] = "schema,names",
            ["startAt"] = startAt,
            ["maxResults"] = size,
            ["total"] = matching.Count,
            ["issues"] = new JsonArray(page),
        });
    }

    private JsonObject Changelog(FakeJiraIssue issue, int? cap)
    {
        var histories = issue.Histories.OrderBy(h => h.Created).Take(cap ?? int.MaxValue).Select(h => (JsonNode)new JsonObject
        {
            ["id"] = h.Id,
            ["author"] = new JsonObject { ["name"] = h.Author, ["key"] = "JIRAUSER" + h.Author, ["displayName"] = h.Author },
            ["created"] = JiraDate(h.Created),
            ["items"] = new JsonArray(
                new JsonObject { ["field"] = "resolution", ["fieldtype"] = "jira", ["from"] = null, ["to"] = "1" },
                new JsonObject
                {
                    ["field"] = "status",
                    ["fieldtype"] = "jira",
                    ["from"] = h.FromStatusId,
                    ["fromString"] = h.FromStatusId is null ? null : StatusName(h.FromStatusId),
                    ["to"] = h.ToStatusId,
                    ["toString"] = StatusName(h.ToStatusId),
                }),
        }).ToArray();
        return new JsonObject { ["startAt"] = 0, ["maxResults"] = histories.Length, ["total"] = issue.Histories.Count, ["histories"] = new JsonArray(histories) };
    }

    private IEnumerable<FakeJiraIssue> Matching(string jql)
    {
        var project = ProjectClause().Match(jql);
        var updated = UpdatedClause().Match(jql);
        var since = updated.Success
            ? DateTimeOffset.ParseExact(updated.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.MinValue;
        return Issues
            .Where(i => !project.Success || i.Key.StartsWith(project.Groups[1].Value + "-", StringComparison.Ordinal))
            .Where(i => i.Updated >= since);
    }

    private static JsonArray StatusList() => new(s_statuses.Select(s => (JsonNode)new JsonObject
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["statusCategory"] = new JsonObject { ["key"] = s.Key },
    }).ToArray());

    private LoopbackResponse Search(JsonObject body)
    {
        var jql = body["jql"]!.GetValue<string>();
        var project = ProjectClause().Match(jql);
        var updated = UpdatedClause().Match(jql);
        var since = updated.Success
            ? DateTimeOffset.ParseExact(updated.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTimeOffset.MinValue;
        var matching = Issues
            .Where(i => !project.Success || i.Key.StartsWith(project.Groups[1].Value + "-", StringComparison.Ordinal))
            .Where(i => i.Updated >= since)
            .OrderBy(i => i.Updated).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var offset = body["nextPageToken"] is { } token ? int.Parse(token.GetValue<string>()[4..], CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(body["maxResults"]?.GetValue<int>() ?? 50, SearchPageCap);
        var page = matching.Skip(offset).Take(size).ToList();
        var last = offset + page.Count >= matching.Count;
        var result = new JsonObject
        {
            ["issues"] = new JsonArray(page.Select(i => (JsonNode)Render(i)).ToArray()),
            ["isLast"] = last,
        };
        if (!last)
        {
            result["nextPageToken"] = "tok-" + (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return Ok(result);
    }

    private LoopbackResponse Changelog(JsonObject body)
    {
        var ids = body["issueIdsOrKeys"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
        var all = Issues.Where(i => ids.Contains(i.Id))
            .SelectMany(i => i.Histories.Select(h => (Issue: i, History: h)))
            .OrderBy(x => x.History.Created).ThenBy(x => x.Issue.Id, StringComparer.Ordinal)
            .ToList();
        var offset = body["nextPageToken"] is { } token ? int.Parse(token.GetValue<string>()[4..], CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(offset).Take(ChangelogPageSize).ToList();
        var logs = new JsonArray();
        foreach (var group in page.GroupBy(x => x.Issue.Id))
        {
            logs.Add(new JsonObject
            {
                ["issueId"] = group.Key,
                ["changeHistories"] = new JsonArray(group.Select(x => (JsonNode)new JsonObject
                {
                    ["id"] = x.History.Id,
                    ["author"] = new JsonObject { ["accountId"] = x.History.Author, ["displayName"] = x.History.Author },
                    ["created"] = JiraDate(x.History.Created),
                    ["items"] = new JsonArray(
                        new JsonObject { ["field"] = "assignee", ["fieldtype"] = "jira", ["fieldId"] = "assignee", ["from"] = null, ["to"] = "abc" },
                        new JsonObject
                        {
                            ["field"] = "status",
                            ["fieldtype"] = "jira",
                            ["fieldId"] = "status",
                            ["from"] = x.History.FromStatusId,
                            ["fromString"] = x.History.FromStatusId is null ? null : StatusName(x.History.FromStatusId),
                            ["to"] = x.History.ToStatusId,
                            ["toString"] = StatusName(x.History.ToStatusId),
                        }),
                }).ToArray()),
            });
        }

        var result = new JsonObject { ["issueChangeLogs"] = logs };
        if (offset + page.Count < all.Count)
        {
            result["nextPageToken"] = "chg-" + (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return Ok(result);
    }

    private JsonObject Render(FakeJiraIssue issue)
    {
        JsonObject User(string account) => DataCenter ? new JsonObject { ["name"] = account, ["key"] = "JIRAUSER" + account } : new JsonObject { ["accountId"] = account };

        var status = s_statuses.Single(s => s.Id == issue.StatusId);
        var fields = new JsonObject
        {
            ["summary"] = issue.Summary,
            ["status"] = new JsonObject { ["id"] = status.Id, ["name"] = status.Name, ["statusCategory"] = new JsonObject { ["key"] = status.Key } },
            ["created"] = JiraDate(issue.Created),
            ["updated"] = JiraDate(issue.Updated),
            ["resolutiondate"] = issue.Resolved is { } r ? JiraDate(r) : null,
            ["issuetype"] = new JsonObject { ["name"] = issue.Type },
            ["priority"] = issue.Priority is null ? null : new JsonObject { ["name"] = issue.Priority },
            ["assignee"] = issue.Assignee is null ? null : User(issue.Assignee),
            ["reporter"] = User("reporter-1"),
            ["project"] = new JsonObject { ["key"] = issue.Key.Split('-')[0] },
            ["labels"] = new JsonArray(issue.Labels.Select(l => (JsonNode)l).ToArray()),
            [StoryPointsField] = issue.Points,
            [SprintField] = new JsonArray(issue.Sprints.Select((s, n) => (JsonNode)new JsonObject { ["id"] = n + 1, ["name"] = s, ["state"] = "closed" }).ToArray()),
            [ServiceField] = issue.Service is null ? null : new JsonObject { ["value"] = issue.Service, ["id"] = "1" },
            [DeploymentField] = issue.DeploymentField,
        };

        // The embedded changelog is cut short, as on Cloud: the collector must not rely on it.
        var histories = issue.Histories.TakeLast(2).Reverse().Select(h => (JsonNode)new JsonObject { ["id"] = h.Id, ["created"] = JiraDate(h.Created), ["items"] = new JsonArray() }).ToArray();
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["key"] = issue.Key,
            ["fields"] = fields,
            ["changelog"] = new JsonObject { ["startAt"] = 0, ["maxResults"] = 2, ["total"] = issue.Histories.Count, ["histories"] = new JsonArray(histories) },
        };
    }

    private static LoopbackResponse Ok(JsonNode body) => new(200, body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    [GeneratedRegex("project = \"([^\"]+)\"")]
    private static partial Regex ProjectClause();

    [GeneratedRegex("updated >= \"([0-9-]+ [0-9:]+)\"")]
    private static partial Regex UpdatedClause();
}
