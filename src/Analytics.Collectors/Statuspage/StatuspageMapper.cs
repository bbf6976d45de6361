using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.Statuspage;

/// <summary>
/// Maps a Statuspage incident to an <see cref="Incident"/> keyed <c>{page_id}/{id}</c>: created is <c>created_at</c>;
/// acknowledged is the first update whose status is <c>identified</c> (its <c>display_at</c>, the time the page shows,
/// else its <c>created_at</c>); resolved is <c>resolved_at</c>, else the first <c>resolved</c> update; severity is
/// <c>impact_override</c>, else <c>impact</c>; the service is the first component the map renames, else the first
/// component's name. Scheduled maintenances are not incidents: <see cref="IsMaintenance"/> tells them apart.
/// </summary>
internal sealed class StatuspageMapper(StatuspageOptions options)
{
    private static readonly string[] s_maintenanceStatuses = ["scheduled", "in_progress", "verifying", "completed"];

    /// <summary>Whether the item is a scheduled maintenance rather than an incident.</summary>
    public static bool IsMaintenance(JsonElement incident) =>
        incident.Get("scheduled_for").ValueKind == JsonValueKind.String || s_maintenanceStatuses.Contains(incident.Text("status"), StringComparer.Ordinal);

    /// <summary>Maps one incident of a page.</summary>
    /// <exception cref="SourceDataException">The id, the creation, a date or the status is missing or unreadable.</exception>
    public Incident Map(string pageId, JsonElement incident)
    {
        var id = incident.Text("id") ?? throw new SourceDataException($"page {pageId}: an incident has no id");
        var where = $"page {pageId}: incident {id}";
        var created = IsoInstant.Read(incident.Get("created_at"), where + ": created_at") ?? throw new SourceDataException($"{where}: no created_at");
        var updates = incident.Items("incident_updates")
            .Select(u => (Status: u.Text("status"), At: IsoInstant.Read(u.Get("display_at"), where + ": incident_updates.display_at")
                ?? IsoInstant.Read(u.Get("created_at"), where + ": incident_updates.created_at")))
            .Where(u => u.At is not null)
            .ToList();
        var status = incident.Text("status") switch
        {
            "resolved" or "postmortem" => IncidentStatus.Resolved,
            "identified" or "monitoring" => IncidentStatus.Acknowledged,
            "investigating" => IncidentStatus.Triggered,
            var other => throw new SourceDataException($"{where}: unknown status '{other}'"),
        };
        var acknowledged = updates.Where(u => u.Status == "identified").Select(u => u.At).Min();
        var resolved = status == IncidentStatus.Resolved
            ? IsoInstant.Read(incident.Get("resolved_at"), where + ": resolved_at") ?? updates.Where(u => u.Status == "resolved").Select(u => u.At).Min()
            : null;
        var components = incident.Items("components").ToList();
        var service = ServiceName.Resolve(
            options.ComponentMap,
            components.SelectMany(c => new[] { c.Text("name"), c.Text("id") }),
            options.DefaultService);
        return new Incident(
            StatuspageClient.Source,
            $"{pageId}/{id}",
            incident.Text("name") ?? "",
            service,
            incident.Text("impact_override") ?? incident.Text("impact"),
            status,
            created,
            acknowledged < created ? created : acknowledged,
            resolved < created ? created : resolved,
            ValueList<string>.Empty,
            null,
            incident.Text("shortlink"));
    }
}
