using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Collectors.Tests.HttpApi;

namespace Analytics.Collectors.Tests.Statuspage;

/// <summary>
/// A Statuspage management API written from source-apis.md §4.3 and §0: <c>GET /pages/{page_id}/incidents</c> with
/// <c>limit</c> (at most 100, else 400) and <c>page</c> (from 1), answering a bare JSON array, newest first (an empty
/// array past the end); <c>Authorization: OAuth &lt;key&gt;</c>, else 401 <c>{"error": …}</c>; an unknown page 404.
/// </summary>
public sealed class StatuspageFakeServer : IAsyncDisposable
{
    public const string Key = "statuspage-secret-key-654";

    public StatuspageFakeServer() => Server = new LoopbackServer(Handle);

    public LoopbackServer Server { get; }

    /// <summary>Page id to its incidents.</summary>
    public Dictionary<string, List<FakeStatuspageIncident>> Pages { get; } = new() { ["pg1"] = [] };

    public Uri BaseUrl => Server.BaseUrl;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        if (request.Authorization != $"OAuth {Key}")
        {
            return new LoopbackResponse(401, """{"error":"Could not authenticate"}""");
        }

        var segments = request.Path.Trim('/').Split('/');
        if (segments is not ["pages", var pageId, "incidents"] || !Pages.TryGetValue(pageId, out var incidents))
        {
            return new LoopbackResponse(404, """{"error":"The requested resource could not be found."}""");
        }

        var limit = int.Parse(request.QueryValue("limit") ?? "100", CultureInfo.InvariantCulture);
        var page = int.Parse(request.QueryValue("page") ?? "1", CultureInfo.InvariantCulture);
        if (limit is < 1 or > 100 || page < 1)
        {
            return new LoopbackResponse(400, """{"error":"limit must be between 1 and 100"}""");
        }

        var items = incidents.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .Skip((page - 1) * limit).Take(limit)
            .Select(i => (JsonNode)Render(pageId, i)).ToArray();
        return new LoopbackResponse(200, new JsonArray(items).ToJsonString());
    }

    private static JsonObject Render(string pageId, FakeStatuspageIncident i) => new()
    {
        ["id"] = i.Id,
        ["page_id"] = pageId,
        ["name"] = "Incident " + i.Id,
        ["status"] = i.Status,
        ["impact"] = i.Impact,
        ["impact_override"] = null,
        ["created_at"] = Time(i.CreatedAt, i.WireOffset),
        ["updated_at"] = Time(i.Updates.Select(u => u.At).Append(i.CreatedAt).Max(), i.WireOffset),
        ["monitoring_at"] = null,
        ["resolved_at"] = i.ResolvedAt is { } r ? Time(r, i.WireOffset) : null,
        ["scheduled_for"] = i.ScheduledFor is { } s ? Time(s, i.WireOffset) : null,
        ["scheduled_until"] = null,
        ["shortlink"] = "https://stspg.io/" + i.Id,
        ["postmortem_published_at"] = null,
        ["components"] = new JsonArray(i.Components.Select(c => (JsonNode)new JsonObject { ["id"] = "cmp-" + c, ["name"] = c, ["status"] = "operational" }).ToArray()),
        ["incident_updates"] = new JsonArray(i.Updates.OrderByDescending(u => u.At).Select((u, n) => (JsonNode)new JsonObject
        {
            ["id"] = $"{i.Id}-u{n}",
            ["status"] = u.Status,
            ["body"] = "Update",
            ["created_at"] = Time(u.At, i.WireOffset),
            ["display_at"] = u.DisplayAt is { } d ? Time(d, i.WireOffset) : null,
        }).ToArray()),
        ["metadata"] = new JsonObject(),
    };

    private static string Time(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
