using Analytics.Domain.Work;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>Sprints.</summary>
    public static EntityMap<Sprint> Sprints { get; } =
        new EntityMapBuilder<Sprint>("sprints", "sprints", "Sprints (Jira Software sprints and the like).")
            .Key("source", r => r.Source, SourceText)
            .Key("source_id", r => r.SourceId, "Its id in the source.")
            .Text("name", r => r.Name, "Its name, as tickets' `sprint` field holds it.")
            .Text("board", r => r.Board, "The board or team it belongs to.")
            .OptionalInstant("start_at", r => r.StartAt, "When it started; empty while only planned.")
            .OptionalInstant("end_at", r => r.EndAt, "When it is planned to end.")
            .OptionalInstant("completed_at", r => r.CompletedAt, "When it was closed; empty while it runs.")
            .Build(r => new Sprint(
                r.Text("source"), r.Text("source_id"), r.Text("name"), r.Text("board"), r.InstantOrNull("start_at"),
                r.InstantOrNull("end_at"), r.InstantOrNull("completed_at")));

    /// <summary>Tickets entering and leaving sprints.</summary>
    public static EntityMap<SprintChange> SprintChanges { get; } =
        new EntityMapBuilder<SprintChange>("sprint-changes", "sprint_changes", "Every time a ticket entered or left a sprint.")
            .Key("source", r => r.Source, SourceText)
            .Key("ticket_key", r => r.TicketKey, "The ticket's `key`.")
            .Key("change_id", r => r.ChangeId, "The change's id in the source.")
            .Key("sprint_id", r => r.SprintId, "The sprint's `source_id`.")
            .Instant("at", r => r.At, "When it happened.")
            .Enum("kind", r => r.Kind, "Whether the ticket entered or left the sprint.")
            .Build(r => new SprintChange(
                r.Text("source"), r.Text("ticket_key"), r.Text("change_id"), r.Text("sprint_id"), r.Instant("at"),
                r.Enum<SprintChangeKind>("kind")));
}
