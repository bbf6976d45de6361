using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Collectors.Tests.HttpApi;

namespace Analytics.Collectors.Tests.PagerDuty;

/// <summary>
/// A PagerDuty REST v2 written from source-apis.md §4.1: <c>GET /incidents</c> filtered by creation in
/// [<c>since</c>, <c>until</c>) (at most 6 months), classic <c>offset</c>/<c>limit</c>/<c>more</c> paging that answers 400
/// when <c>offset + limit</c> passes the ceiling; <c>GET /incidents/{id}/log_entries</c> with times in the account's zone
/// (+09:00) unless <c>time_zone=UTC</c>; <c>Token token=</c> authentication and the versioned Accept header.
/// </summary>
public sealed class PagerDutyFakeServer : IAsyncDisposable
{
    public const string Token = "pd-secret-token-456";
    private static readonly TimeSpan s_accountZone = TimeSpan.FromHours(9);

    public PagerDutyFakeServer() => Server = new LoopbackServer(Handle);

    public LoopbackServer Server { get; }

    public List<FakePagerDutyIncident> Incidents { get; } = [];

    public int Ceiling { get; set; } = 10_000;

    public Uri BaseUrl => Server.BaseUrl;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        if (request.Authorization != $"Token token={Token}")
        {
            return Error(401, 2006, "Invalid Credentials");
        }

        if (request.Accept?.Replace(" ", "", StringComparison.Ordinal).Contains("application/vnd.pagerduty+json;version=2", StringComparison.Ordinal) != true)
        {
            return Error(406, 2001, "Unsupported Accept header");
        }

        var offset = int.Parse(request.QueryValue("offset") ?? "0", CultureInfo.InvariantCulture);
        var limit = Math.Min(100, int.Parse(request.QueryValue("limit") ?? "25", CultureInfo.InvariantCulture));
        if (offset + limit > Ceiling)
        {
            return Error(400, 2001, $"Offset must be less than {Ceiling}");
        }

        var utc = request.QueryValue("time_zone") == "UTC";
        var segments = request.Path.Trim('/').Split('/');
        if (segments is ["incidents"])
        {
            var since = DateTimeOffset.Parse(request.QueryValue("since")!, CultureInfo.InvariantCulture);
            var until = DateTimeOffset.Parse(request.QueryValue("until")!, CultureInfo.InvariantCulture);
            if (until - since > TimeSpan.FromDays(183))
            {
                return Error(400, 2001, "Date range is too large");
            }

            var services = request.QueryValues("service_ids[]");
            var matching = Incidents.Where(i => i.CreatedAt >= since && i.CreatedAt < until && (services.Count == 0 || services.Contains(i.ServiceId)))
                .OrderBy(i => i.CreatedAt).ToList();
            var page = matching.Skip(offset).Take(limit).Select(i => (JsonNode)Render(i, utc)).ToArray();
            return Ok(new JsonObject
            {
                ["incidents"] = new JsonArray(page),
                ["limit"] = limit,
                ["offset"] = offset,
                ["more"] = offset + page.Length < matching.Count,
                ["total"] = null,
            });
        }

        if (segments is ["incidents", var id, "log_entries"] && Incidents.FirstOrDefault(i => i.Id == id) is { } incident)
        {
            var entries = incident.LogEntries.Select((e, n) => (JsonNode)new JsonObject
            {
                ["id"] = $"LE{id}{n}",
                ["type"] = e.Type,
                ["created_at"] = Time(e.At, utc),
                ["agent"] = e.User is null
                    ? new JsonObject { ["id"] = incident.ServiceId, ["type"] = "service_reference", ["summary"] = incident.ServiceName }
                    : new JsonObject { ["id"] = e.User, ["type"] = "user_reference", ["summary"] = "User " + e.User },
                ["assignees"] = new JsonArray(e.Assignees.Select(a => (JsonNode)new JsonObject { ["id"] = a, ["type"] = "user_reference" }).ToArray()),
                ["incident"] = new JsonObject { ["id"] = id, ["type"] = "incident_reference" },
            }).ToArray();
            var page = entries.Skip(offset).Take(limit).ToArray();
            return Ok(new JsonObject
            {
                ["log_entries"] = new JsonArray(page.Select(e => e!.DeepClone()).ToArray()),
                ["limit"] = limit,
                ["offset"] = offset,
                ["more"] = offset + page.Length < entries.Length,
                ["total"] = null,
            });
        }

        return Error(404, 2100, "Not Found");
    }

    private static JsonObject Render(FakePagerDutyIncident i, bool utc) => new()
    {
        ["id"] = i.Id,
        ["type"] = "incident",
        ["title"] = "Incident " + i.Id,
        ["status"] = i.Status,
        ["urgency"] = i.Urgency,
        ["created_at"] = Time(i.CreatedAt, true),
        ["resolved_at"] = i.ResolvedAt is { } r ? Time(r, true) : null,
        ["service"] = new JsonObject { ["id"] = i.ServiceId, ["type"] = "service_reference", ["summary"] = i.ServiceName },
        ["priority"] = i.Priority is null ? null : new JsonObject { ["id"] = "PRIO", ["type"] = "priority", ["summary"] = i.Priority },
        ["assignments"] = new JsonArray(i.Assignees.Select(a => (JsonNode)new JsonObject { ["at"] = Time(i.CreatedAt, true), ["assignee"] = new JsonObject { ["id"] = a, ["type"] = "user_reference" } }).ToArray()),
        ["acknowledgements"] = new JsonArray(),
        ["html_url"] = $"https://acme.pagerduty.com/incidents/{i.Id}",
        ["utc"] = utc,
    };

    private static string Time(DateTimeOffset at, bool utc) => utc
        ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : at.ToOffset(s_accountZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static LoopbackResponse Ok(JsonNode body) => new(200, body.ToJsonString());

    private static LoopbackResponse Error(int status, int code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["code"] = code, ["errors"] = new JsonArray(message) } }.ToJsonString());
}
