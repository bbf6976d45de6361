using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.PagerDuty;

/// <summary>
/// Maps a PagerDuty incident and its log entries to an <see cref="Incident"/>. Acknowledged is the earliest acknowledge
/// entry (spelled <c>acknowledge_log_entry</c> or <c>acknowledgement_log_entry</c>; order is not relied on), else the
/// earliest of the incident's current <c>acknowledgements</c>; resolved is
/// <c>resolved_at</c>, else the earliest resolve entry; severity is the priority's name, else the urgency; responders are
/// the user ids that acknowledged or were assigned.
/// </summary>
internal sealed class PagerDutyIncidentMapper(PagerDutyOptions options)
{
    /// <summary>Maps one incident.</summary>
    /// <exception cref="SourceDataException">An id, a date or the service is missing or unreadable.</exception>
    public Incident Map(JsonElement incident, IReadOnlyList<JsonElement> logEntries)
    {
        var id = incident.Text("id") ?? throw new SourceDataException("incident without id");
        var created = Date(incident.Get("created_at"), $"incident {id}: created_at") ?? throw new SourceDataException($"incident {id}: no created_at");
        var acknowledged = logEntries.Where(e => e.Text("type") is "acknowledge_log_entry" or "acknowledgement_log_entry")
            .Select(e => Date(e.Get("created_at"), $"incident {id}: log entry {e.Text("id")}"))
            .Min()
            ?? incident.Items("acknowledgements").Select(a => Date(a.Get("at"), $"incident {id}: acknowledgements")).Min();
        var status = incident.Text("status") switch
        {
            "resolved" => IncidentStatus.Resolved,
            "acknowledged" => IncidentStatus.Acknowledged,
            "triggered" => IncidentStatus.Triggered,
            var other => throw new SourceDataException($"incident {id}: unknown status '{other}'"),
        };
        var resolved = status == IncidentStatus.Resolved
            ? Date(incident.Get("resolved_at"), $"incident {id}: resolved_at")
              ?? logEntries.Where(e => e.Text("type") == "resolve_log_entry").Select(e => Date(e.Get("created_at"), $"incident {id}: log entry {e.Text("id")}")).Min()
            : null;

        var responders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in logEntries)
        {
            if (entry.Text("type") is "acknowledge_log_entry" or "acknowledgement_log_entry" && UserId(entry.Get("agent")) is { } agent)
            {
                responders.Add(agent);
            }

            foreach (var assignee in entry.Items("assignees"))
            {
                AddUser(responders, assignee);
            }
        }

        foreach (var assignment in incident.Items("assignments"))
        {
            AddUser(responders, assignment.Get("assignee"));
        }

        foreach (var acknowledgement in incident.Items("acknowledgements"))
        {
            AddUser(responders, acknowledgement.Get("acknowledger"));
        }

        var service = incident.Get("service");
        var serviceId = service.Text("id");
        var serviceName = service.Text("summary");
        var mapped = (serviceId is not null && options.ServiceMap.TryGetValue(serviceId, out var byId) ? byId : null)
            ?? (serviceName is not null && options.ServiceMap.TryGetValue(serviceName, out var byName) ? byName : null)
            ?? serviceName
            ?? throw new SourceDataException($"incident {id}: no service");

        return new Incident(
            PagerDutyClient.Source,
            id,
            incident.Text("title") ?? incident.Text("summary") ?? "",
            mapped,
            incident.Get("priority").Text("summary") ?? incident.Text("urgency"),
            status,
            created,
            acknowledged < created ? created : acknowledged,
            resolved < created ? created : resolved,
            new ValueList<string>(responders.ToArray()),
            null,
            incident.Text("html_url"));
    }

    private static void AddUser(SortedSet<string> responders, JsonElement reference)
    {
        if (UserId(reference) is { } user)
        {
            responders.Add(user);
        }
    }

    /// <summary>The id of a user reference; null for services, integrations and other agents.</summary>
    private static string? UserId(JsonElement reference) =>
        reference.Text("type") is "user_reference" or "user" ? reference.Text("id") : null;

    private static DateTimeOffset? Date(JsonElement value, string where) => IsoInstant.Read(value, where);
}
