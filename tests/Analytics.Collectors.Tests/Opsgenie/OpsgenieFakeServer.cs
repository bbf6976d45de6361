using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Collectors.Tests.HttpApi;

namespace Analytics.Collectors.Tests.Opsgenie;

/// <summary>
/// An Opsgenie written from source-apis.md §4.2 and §0: <c>GET /v1/incidents/</c> (a <c>query</c> is required) and
/// <c>GET /v2/alerts</c>, both with <c>offset</c>/<c>limit</c> (1–100, else 422) paging, <c>sort=createdAt</c>,
/// <c>order=asc|desc</c>, answering <c>{data, paging{next, first, last}, took, requestId}</c> (no <c>next</c> on the last
/// page); <c>offset + limit</c> past <see cref="Ceiling"/> is refused (422). The query understands
/// <c>createdAt &gt;= ms</c>, <c>createdAt &lt; ms</c> and <c>priority: Pn</c>. <c>Authorization: GenieKey</c>; a wrong key
/// answers 401 with Opsgenie's <c>{message, took, requestId}</c>.
/// </summary>
public sealed partial class OpsgenieFakeServer : IAsyncDisposable
{
    public const string Key = "genie-secret-key-321";

    public OpsgenieFakeServer() => Server = new LoopbackServer(Handle);

    public LoopbackServer Server { get; }

    public List<FakeOpsgenieItem> Incidents { get; } = [];

    public List<FakeOpsgenieItem> Alerts { get; } = [];

    public int Ceiling { get; set; } = 20_000;

    public Uri BaseUrl => Server.BaseUrl;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        if (request.Authorization != $"GenieKey {Key}")
        {
            return Error(401, "Could not authenticate");
        }

        var incidents = request.Path == "/v1/incidents/";
        if (!incidents && request.Path != "/v2/alerts")
        {
            return Error(404, "No such endpoint");
        }

        var query = request.QueryValue("query");
        if (incidents && string.IsNullOrWhiteSpace(query))
        {
            return Error(422, "Query is required");
        }

        var offset = int.Parse(request.QueryValue("offset") ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(request.QueryValue("limit") ?? "20", CultureInfo.InvariantCulture);
        if (limit is < 1 or > 100)
        {
            return Error(422, "Limit should be between 1 and 100");
        }

        if (offset + limit > Ceiling)
        {
            return Error(422, $"Offset + limit should not exceed {Ceiling}");
        }

        var matching = (incidents ? Incidents : Alerts).Where(i => Matches(i, query ?? "")).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (request.QueryValue("order") == "desc")
        {
            matching.Reverse();
        }

        var page = matching.Skip(offset).Take(limit).Select(i => (JsonNode)Render(i, incidents)).ToArray();
        var paging = new JsonObject { ["first"] = Link(request, 0, limit), ["last"] = Link(request, Math.Max(0, (matching.Count - 1) / limit * limit), limit) };
        if (offset + page.Length < matching.Count)
        {
            paging["next"] = Link(request, offset + page.Length, limit);
        }

        return new LoopbackResponse(200, new JsonObject
        {
            ["data"] = new JsonArray(page),
            ["paging"] = paging,
            ["took"] = 0.02,
            ["requestId"] = Guid.NewGuid().ToString(),
        }.ToJsonString());
    }

    private string Link(LoopbackRequest request, int offset, int limit) =>
        new Uri(BaseUrl, $"{request.Path.TrimStart('/')}?query={Uri.EscapeDataString(request.QueryValue("query") ?? "")}&offset={offset}&limit={limit}&sort=createdAt&order=asc").ToString();

    private static bool Matches(FakeOpsgenieItem item, string query)
    {
        var created = item.CreatedAt.ToUnixTimeMilliseconds();
        foreach (Match m in From().Matches(query))
        {
            if (created < long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        foreach (Match m in Until().Matches(query))
        {
            if (created >= long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        return Priority().Match(query) is not { Success: true } p || p.Groups[1].Value == item.Priority;
    }

    private static JsonObject Render(FakeOpsgenieItem i, bool incident)
    {
        var responders = new JsonArray(i.Users.Select(u => (JsonNode)new JsonObject { ["type"] = "user", ["id"] = "uid-" + u, ["username"] = u }).ToArray());
        if (i.OwnerTeam is not null)
        {
            responders.Add(new JsonObject { ["type"] = "team", ["id"] = "tid-" + i.OwnerTeam, ["name"] = i.OwnerTeam });
        }

        var item = new JsonObject
        {
            ["id"] = i.Id,
            ["tinyId"] = i.Id.Length.ToString(CultureInfo.InvariantCulture),
            ["message"] = i.Message,
            ["status"] = i.Status,
            ["tags"] = new JsonArray(i.Tags.Select(t => (JsonNode)t).ToArray()),
            ["createdAt"] = Time(i.CreatedAt, i.WireOffset),
            ["updatedAt"] = Time(i.UpdatedAt ?? i.CreatedAt, i.WireOffset),
            ["priority"] = i.Priority,
            ["responders"] = responders,
        };
        if (incident)
        {
            item["ownerTeam"] = i.OwnerTeam is null ? null : "tid-" + i.OwnerTeam;
            item["impactStartDate"] = Time(i.CreatedAt, i.WireOffset);
            item["impactEndDate"] = i.ImpactEnd is { } end ? Time(end, i.WireOffset) : null;
            item["extraProperties"] = new JsonObject();
        }
        else
        {
            item["acknowledged"] = i.AckTime is not null;
            item["isSeen"] = true;
            item["count"] = 1;
            item["source"] = "monitoring";
            item["integration"] = i.Integration is null ? null : new JsonObject { ["id"] = "int-1", ["name"] = i.Integration, ["type"] = "API" };
            var report = new JsonObject();
            if (i.AckTime is { } ack)
            {
                report["ackTime"] = ack;
                report["acknowledgedBy"] = i.AcknowledgedBy;
            }

            if (i.CloseTime is { } close)
            {
                report["closeTime"] = close;
                report["closedBy"] = i.ClosedBy;
            }

            item["report"] = report;
        }

        return item;
    }

    private static string Time(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal);

    private static LoopbackResponse Error(int status, string message) =>
        new(status, new JsonObject { ["message"] = message, ["took"] = 0.001, ["requestId"] = "req-" + status.ToString(CultureInfo.InvariantCulture) }.ToJsonString());

    [GeneratedRegex(@"createdAt\s*>=\s*(\d+)")]
    private static partial Regex From();

    [GeneratedRegex(@"createdAt\s*<\s*(\d+)")]
    private static partial Regex Until();

    [GeneratedRegex(@"priority\s*:\s*(P\d)")]
    private static partial Regex Priority();
}
