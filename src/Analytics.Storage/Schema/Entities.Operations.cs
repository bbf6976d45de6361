using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>Deployments.</summary>
    public static EntityMap<Deployment> Deployments { get; } =
        new EntityMapBuilder<Deployment>("deployments", "deployments", "Deployments of commits to environments.")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("repository", r => r.Repository, "The repository's full name.")
            .Text("environment", r => r.Environment, "Where it went, such as `production`.")
            .Enum("status", r => r.Status, "Its latest state.")
            .Text("commit_sha", r => r.CommitSha, "The deployed commit.")
            .OptionalText("ref", r => r.Ref, "The branch or tag deployed.")
            .Instant("created_at", r => r.CreatedAt, "When it was created.")
            .OptionalInstant("finished_at", r => r.FinishedAt, "When it reached its final state.")
            .OptionalText("service", r => r.Service, "The service it deploys.")
            .Build(r => new Deployment(
                r.Text("source"), r.Text("source_id"), r.Text("repository"), r.Text("environment"),
                r.Enum<DeploymentStatus>("status"), r.Text("commit_sha"), r.TextOrNull("ref"), r.Instant("created_at"),
                r.InstantOrNull("finished_at"), r.TextOrNull("service")));

    /// <summary>Tickets.</summary>
    public static EntityMap<Ticket> Tickets { get; } =
        new EntityMapBuilder<Ticket>("tickets", "tickets", "Work items (Jira issues and the like).")
            .Key("source", r => r.Source, SourceText)
            .Key("key", r => r.Key, "Its key, such as `PAY-123`.")
            .Text("project", r => r.Project, "Its project.")
            .Text("type", r => r.Type, "Its type (story, bug, task…).")
            .Text("title", r => r.Title, "Its summary.")
            .Text("status", r => r.Status, "Its current status.")
            .Enum("category", r => r.Category, "Its current status category.")
            .Instant("created_at", r => r.CreatedAt, "When it was created.")
            .Instant("updated_at", r => r.UpdatedAt, "When it last changed upstream.")
            .OptionalInstant("resolved_at", r => r.ResolvedAt, "When it was resolved.")
            .OptionalReal("story_points", r => r.StoryPoints, "Its estimate.")
            .OptionalText("sprint", r => r.Sprint, "Its current sprint.")
            .OptionalText("assignee", r => r.Assignee, "The assignee's account in the source.")
            .OptionalText("reporter", r => r.Reporter, "The reporter's account in the source.")
            .OptionalText("priority", r => r.Priority, "Its priority.")
            .OptionalText("parent_key", r => r.ParentKey, "Its parent or epic.")
            .List("labels", r => r.Labels, "Its labels.")
            .List("components", r => r.Components, "Its components.")
            .RecordsRewrites("status", "category", "updated_at", "resolved_at")
            .Build(r => new Ticket(
                r.Text("source"), r.Text("key"), r.Text("project"), r.Text("type"), r.Text("title"), r.Text("status"),
                r.Enum<StatusCategory>("category"), r.Instant("created_at"), r.Instant("updated_at"),
                r.InstantOrNull("resolved_at"), r.RealOrNull("story_points"), r.TextOrNull("sprint"),
                r.TextOrNull("assignee"), r.TextOrNull("reporter"), r.TextOrNull("priority"), r.TextOrNull("parent_key"),
                r.List("labels")) { Components = r.List("components") });

    /// <summary>Ticket status transitions.</summary>
    public static EntityMap<TicketTransition> TicketTransitions { get; } =
        new EntityMapBuilder<TicketTransition>("ticket-transitions", "ticket_transitions", "Every status change of every ticket.")
            .Key("source", r => r.Source, SourceText)
            .Key("ticket_key", r => r.TicketKey, "The ticket's `key`.")
            .Key("change_id", r => r.ChangeId, "The change's id in the source.")
            .Instant("at", r => r.At, "When it happened.")
            .OptionalText("from_status", r => r.FromStatus, "The status it left; empty for the first.")
            .Text("to_status", r => r.ToStatus, "The status it entered.")
            .OptionalEnum("from_category", r => r.FromCategory, "The category it left.")
            .Enum("to_category", r => r.ToCategory, "The category it entered.")
            .OptionalText("author", r => r.Author, "Who moved it.")
            .MovedBy("at")
            .Build(r => new TicketTransition(
                r.Text("source"), r.Text("ticket_key"), r.Text("change_id"), r.Instant("at"), r.TextOrNull("from_status"),
                r.Text("to_status"), r.EnumOrNull<StatusCategory>("from_category"), r.Enum<StatusCategory>("to_category"),
                r.TextOrNull("author")));

    /// <summary>Incidents.</summary>
    public static EntityMap<Incident> Incidents { get; } =
        new EntityMapBuilder<Incident>("incidents", "incidents", "Production incidents.")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("title", r => r.Title, "Its title.")
            .Text("service", r => r.Service, "The affected service, as named in the teams configuration.")
            .OptionalText("severity", r => r.Severity, "Its severity as the source names it (`SEV1`, `P2`, `high`).")
            .Enum("status", r => r.Status, "Where it is in its life.")
            .Instant("created_at", r => r.CreatedAt, "When it was opened.")
            .OptionalInstant("acknowledged_at", r => r.AcknowledgedAt, "When it was first acknowledged.")
            .OptionalInstant("resolved_at", r => r.ResolvedAt, "When it was resolved.")
            .List("responders", r => r.Responders, "Accounts of the people who responded.")
            .OptionalText("deployment_id", r => r.DeploymentId, "The deployment (`source_id`) that caused it, when known.")
            .OptionalText("url", r => r.Url, "Where a person can open it.")
            .OptionalText("postmortem_url", r => r.PostmortemUrl, "Where its postmortem document is, when linked.")
            .OptionalInstant("postmortem_at", r => r.PostmortemAt, "When its postmortem was published.")
            .MovedBy("deployment_id", "service")
            .Build(r => new Incident(
                r.Text("source"), r.Text("source_id"), r.Text("title"), r.Text("service"), r.TextOrNull("severity"),
                r.Enum<IncidentStatus>("status"), r.Instant("created_at"), r.InstantOrNull("acknowledged_at"),
                r.InstantOrNull("resolved_at"), r.List("responders"), r.TextOrNull("deployment_id"), r.TextOrNull("url"))
            {
                PostmortemUrl = r.TextOrNull("postmortem_url"),
                PostmortemAt = r.InstantOrNull("postmortem_at"),
            });
}
