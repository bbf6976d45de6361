using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.Opsgenie;

/// <summary>
/// Maps Opsgenie incidents and alerts to <see cref="Incident"/>s, keyed <c>incident/{id}</c> and <c>alert/{id}</c>.
/// <list type="bullet">
/// <item>Alerts carry exact times: acknowledged = <c>createdAt + report.ackTime</c>, resolved = <c>createdAt +
/// report.closeTime</c> (both milliseconds since creation), for a closed alert.</item>
/// <item>Incidents (v1) carry no acknowledgement; resolved is <c>impactEndDate</c> when set, else the <c>updatedAt</c> of a
/// resolved or closed incident (its last change, which is the resolution unless it was edited afterwards).</item>
/// </list>
/// The service is the <see cref="OpsgenieOptions.ServiceTagPrefix"/> tag, the owner team, the integration or the source,
/// mapped through <see cref="OpsgenieOptions.ServiceMap"/>; severity is the priority; a tag <c>deployment:&lt;id&gt;</c>
/// links the deployment that caused it.
/// </summary>
internal sealed class OpsgenieMapper(OpsgenieOptions options)
{
    /// <summary>Maps one item of a listing.</summary>
    /// <exception cref="SourceDataException">The id, creation or a date is missing or unreadable.</exception>
    public Incident Map(OpsgenieKind kind, JsonElement item)
    {
        var id = item.Text("id") ?? throw new SourceDataException($"{OpsgenieClient.Label(kind)}: an item has no id");
        var where = $"{(kind == OpsgenieKind.Incidents ? "incident" : "alert")} {id}";
        var created = IsoInstant.Read(item.Get("createdAt"), where + ": createdAt") ?? throw new SourceDataException($"{where}: no createdAt");
        var tags = item.Items("tags").Select(t => t.AsText()).OfType<string>().ToList();
        var service = ServiceName.Resolve(
            options.ServiceMap,
            [
                ServiceName.FromTags(tags, options.ServiceTagPrefix),
                .. OwnerTeams(item),
                item.Get("integration").Text("name"),
                item.Text("source"),
            ],
            options.DefaultService);
        var responders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var responder in item.Items("responders"))
        {
            if (responder.Text("type") == "user" && (responder.Text("username") ?? responder.Text("name") ?? responder.Text("id")) is { } user)
            {
                responders.Add(user);
            }
        }

        DateTimeOffset? acknowledged;
        DateTimeOffset? resolved;
        IncidentStatus status;
        if (kind == OpsgenieKind.Alerts)
        {
            var report = item.Get("report");
            foreach (var who in new[] { report.Text("acknowledgedBy"), report.Text("closedBy") }.OfType<string>())
            {
                responders.Add(who);
            }

            var closed = item.Text("status") == "closed";
            acknowledged = Since(created, report.Get("ackTime"), where + ": report.ackTime");
            resolved = closed ? Since(created, report.Get("closeTime"), where + ": report.closeTime") ?? IsoInstant.Read(item.Get("updatedAt"), where + ": updatedAt") : null;
            status = closed ? IncidentStatus.Resolved
                : acknowledged is not null || item.Get("acknowledged").ValueKind == JsonValueKind.True ? IncidentStatus.Acknowledged
                : IncidentStatus.Triggered;
        }
        else
        {
            var over = item.Text("status") is "resolved" or "closed";
            acknowledged = null;
            resolved = over
                ? IsoInstant.Read(item.Get("impactEndDate"), where + ": impactEndDate") ?? IsoInstant.Read(item.Get("updatedAt"), where + ": updatedAt")
                : null;
            status = over ? IncidentStatus.Resolved : IncidentStatus.Triggered;
        }

        return new Incident(
            OpsgenieClient.Source,
            (kind == OpsgenieKind.Incidents ? "incident/" : "alert/") + id,
            item.Text("message") ?? "",
            service,
            item.Text("priority"),
            status,
            created,
            acknowledged < created ? created : acknowledged,
            resolved < created ? created : resolved,
            new ValueList<string>(responders.ToArray()),
            DeploymentLink.FromLabels(tags),
            null);
    }

    /// <summary>The owner team (an incident's <c>ownerTeam</c>: an id, or an object), then the team responders' names and ids.</summary>
    private static IEnumerable<string?> OwnerTeams(JsonElement item)
    {
        var owner = item.Get("ownerTeam");
        yield return owner.ValueKind == JsonValueKind.Object ? owner.Text("name") ?? owner.Text("id") : owner.AsText();
        foreach (var team in item.Items("responders").Where(r => r.Text("type") == "team"))
        {
            yield return team.Text("name");
            yield return team.Text("id");
        }
    }

    /// <summary>An instant a duration in milliseconds after creation; null when the duration is absent.</summary>
    private static DateTimeOffset? Since(DateTimeOffset created, JsonElement milliseconds, string where) => milliseconds.ValueKind switch
    {
        JsonValueKind.Number when milliseconds.TryGetInt64(out var ms) && ms >= 0 => created.AddMilliseconds(ms),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new SourceDataException($"{where}: expected milliseconds, found {milliseconds.GetRawText()}"),
    };
}
