using System.Text.Json;
using Analytics.Collectors.HttpApi;
using Analytics.Collectors.Incidents;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Maps a GitHub issue carrying the incident label to an <see cref="Incident"/> keyed <c>owner/name#number</c>: created
/// is <c>created_at</c>, resolved is <c>closed_at</c> of a closed issue (whatever its <c>state_reason</c>: a false alarm
/// closed as not planned was still an open incident until then); GitHub records no acknowledgement. The service is the
/// <see cref="GitHubIncidentOptions.ServiceLabelPrefix"/> label, else the repository's mapping, else its name; severity the
/// first label starting with <see cref="GitHubIncidentOptions.SeverityLabelPrefix"/>; responders the assignees; a label
/// <c>deployment:&lt;id&gt;</c> links the deployment that caused it.
/// </summary>
internal sealed class GitHubIncidentMapper(GitHubIncidentOptions options)
{
    /// <summary>Maps one issue of a repository.</summary>
    /// <exception cref="SourceDataException">The number, the creation or a date is missing or unreadable.</exception>
    public Incident Map(string repository, JsonElement issue)
    {
        var number = issue.Text("number") ?? throw new SourceDataException($"{repository}: an issue has no number");
        var where = $"{repository}#{number}";
        var created = IsoInstant.Read(JsonFields.Get(issue, "created_at"), where + ": created_at") ?? throw new SourceDataException($"{where}: no created_at");
        var labels = issue.Items("labels").Select(l => l.ValueKind == JsonValueKind.String ? l.GetString() : l.Text("name")).OfType<string>().ToList();
        var closed = issue.Text("state") == "closed";
        var resolved = closed ? IsoInstant.Read(JsonFields.Get(issue, "closed_at"), where + ": closed_at") ?? throw new SourceDataException($"{where}: closed without closed_at") : (DateTimeOffset?)null;
        var mapped = options.ServiceMap.FirstOrDefault(m => string.Equals(m.Key, repository, StringComparison.OrdinalIgnoreCase)).Value;
        var service = ServiceName.FromTags(labels, options.ServiceLabelPrefix)
            ?? (string.IsNullOrWhiteSpace(mapped) ? repository[(repository.IndexOf('/', StringComparison.Ordinal) + 1)..] : mapped);
        var responders = issue.Items("assignees").Select(a => a.Text("login")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new Incident(
            "github",
            where,
            issue.Text("title") ?? "",
            service,
            labels.FirstOrDefault(l => l.StartsWith(options.SeverityLabelPrefix, StringComparison.OrdinalIgnoreCase)),
            closed ? IncidentStatus.Resolved : IncidentStatus.Triggered,
            created,
            null,
            resolved < created ? created : resolved,
            new ValueList<string>(responders),
            DeploymentLink.FromLabels(labels),
            issue.Text("html_url"));
    }
}
