using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Jira;

/// <summary>Maps a search result's issue to a <see cref="Ticket"/>, and issues of incident types to an <see cref="Incident"/>.</summary>
internal sealed partial class JiraIssueMapper(JiraOptions options, JiraStatusMap statuses)
{
    /// <summary>The fields the search asks for: the standard ones plus the configured custom fields.</summary>
    public IReadOnlyList<string> Fields { get; } =
        new[] { "summary", "status", "created", "updated", "resolutiondate", "issuetype", "priority", "assignee", "reporter", "project", "labels", "parent" }
            .Concat(new[] { options.StoryPointsField, options.SprintField, options.IncidentServiceField, options.IncidentDeploymentField }.OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Maps one issue.</summary>
    /// <exception cref="SourceDataException">A date or the status cannot be read.</exception>
    public Ticket MapTicket(JsonElement issue)
    {
        var key = issue.Text("key") ?? throw new SourceDataException($"issue {issue.Text("id") ?? "?"}: no key");
        var fields = issue.Get("fields");
        var status = fields.Get("status");
        var statusName = status.Text("name") ?? throw new SourceDataException($"{key}: fields.status.name is missing (is 'status' in the requested fields?)");
        var category = JiraStatusMap.ParseCategory(status.Get("statusCategory")) ?? statuses.Require(status.Text("id"), statusName, key);
        var created = Date(fields, "created", key) ?? throw new SourceDataException($"{key}: fields.created is missing");
        return new Ticket(
            JiraClient.Source,
            key,
            fields.Get("project").Text("key") ?? key.Split('-')[0],
            fields.Get("issuetype").Text("name") ?? "Unknown",
            fields.Text("summary") ?? "",
            statusName,
            category,
            created,
            Date(fields, "updated", key) ?? created,
            Date(fields, "resolutiondate", key),
            options.StoryPointsField is { } points ? fields.Get(points).AsNumber() : null,
            options.SprintField is { } sprint ? LatestSprint(fields.Get(sprint)) : null,
            Account(fields.Get("assignee")),
            Account(fields.Get("reporter")),
            fields.Get("priority").Text("name"),
            fields.Get("parent").Text("key"),
            new ValueList<string>(fields.Items("labels").Select(l => l.AsText()).OfType<string>().ToArray()));
    }

    /// <summary>Whether config marks the ticket's type as an incident type.</summary>
    public bool IsIncident(Ticket ticket) => options.IncidentIssueTypes.Contains(ticket.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The incident a ticket of an incident type stands for: acknowledged when it first left the to-do category, resolved
    /// at its resolution date (or its first move to done), severity from its priority, responders its assignee and
    /// everyone who moved it.
    /// </summary>
    public Incident MapIncident(Ticket ticket, JsonElement issue, IReadOnlyList<TicketTransition> transitions)
    {
        var ordered = transitions.OrderBy(t => t.At).ToList();
        var acknowledged = ordered.FirstOrDefault(t => t.ToCategory != StatusCategory.ToDo)?.At;
        var resolved = ticket.Category == StatusCategory.Done
            ? ticket.ResolvedAt ?? ordered.LastOrDefault(t => t.ToCategory == StatusCategory.Done)?.At
            : null;
        var service = options.IncidentServiceField is { } field ? FieldText(issue.Get("fields").Get(field)) : null;
        var deployment = options.IncidentDeploymentField is { } linkField ? FieldText(issue.Get("fields").Get(linkField)) : null;
        var responders = ordered.Select(t => t.Author).Append(ticket.Assignee).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new Incident(
            JiraClient.Source,
            ticket.Key,
            ticket.Title,
            string.IsNullOrWhiteSpace(service) ? ticket.Project : service,
            ticket.Priority,
            resolved is not null ? IncidentStatus.Resolved : ticket.Category == StatusCategory.ToDo ? IncidentStatus.Triggered : IncidentStatus.Acknowledged,
            ticket.CreatedAt,
            acknowledged < ticket.CreatedAt ? ticket.CreatedAt : acknowledged,
            resolved < ticket.CreatedAt ? ticket.CreatedAt : resolved,
            new ValueList<string>(responders),
            string.IsNullOrWhiteSpace(deployment) ? DeploymentLink.FromLabels(ticket.Labels) : deployment.Trim(),
            new Uri(options.BaseUrl, "browse/" + ticket.Key).ToString());
    }

    /// <summary>A user's account id (Cloud), or name (Data Center).</summary>
    internal static string? Account(JsonElement user) => user.Text("accountId") ?? user.Text("name") ?? user.Text("key");

    /// <summary>
    /// The latest sprint: the last of the array (Jira lists an issue's sprints oldest first), read from the object's
    /// <c>name</c> or, on old servers, from the <c>name=…</c> part of the serialised string.
    /// </summary>
    internal static string? LatestSprint(JsonElement value)
    {
        var last = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().LastOrDefault() : value;
        return last.ValueKind switch
        {
            JsonValueKind.Object => last.Text("name"),
            JsonValueKind.String => SprintName().Match(last.GetString()!) is { Success: true } m ? m.Groups[1].Value : last.GetString(),
            _ => null,
        };
    }

    /// <summary>A custom field's display text: a string, an option's <c>value</c>, an object's <c>name</c>, or the first of an array.</summary>
    internal static string? FieldText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(FieldText).FirstOrDefault(t => t is not null),
        JsonValueKind.Object => value.Text("value") ?? value.Text("name") ?? value.Text("displayName"),
        _ => value.AsText(),
    };

    private static DateTimeOffset? Date(JsonElement fields, string name, string key) => JiraDate.Read(fields.Get(name), $"{key}: fields.{name}");

    [GeneratedRegex(@"name=([^,\]]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SprintName();
}
