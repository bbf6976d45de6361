using Analytics.Domain.Alerts;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>Alert instances and where each is in its life (written by rule evaluation).</summary>
    public static EntityMap<AlertState> AlertStates { get; } =
        new EntityMapBuilder<AlertState>("alert-states", "alert_states", "Alert instances (rule and label set) and their lifecycle, written by rule evaluation.")
            .Key("fingerprint", r => r.Fingerprint, "A stable hash of the rule name and the sorted labels.")
            .Text("rule", r => r.Rule, "The rule's alert name.")
            .Text("rule_group", r => r.Group, "The rule group.")
            .Text("labels", r => r.Labels, "The alert's labels as a JSON object.")
            .Enum("status", r => r.Status, "Where it is in its life.")
            .Enum("severity", r => r.Severity, "The rule's severity.")
            .OptionalReal("value", r => r.Value, "The expression's value when the condition last held.")
            .OptionalInstant("active_since", r => r.ActiveSince, "When the condition started to hold in this episode.")
            .OptionalInstant("fired_at", r => r.FiredAt, "When it last started firing.")
            .OptionalInstant("resolved_at", r => r.ResolvedAt, "When it last resolved.")
            .Instant("evaluated_at", r => r.EvaluatedAt, "The last evaluation that looked at it.")
            .Text("annotations", r => r.Annotations, "The rendered annotations as a JSON object.")
            .OptionalInstant("notified_at", r => r.NotifiedAt, "When a firing notification last carried it.")
            .Bool("resolved_notified", r => r.ResolvedNotified, "Whether its resolution has been dealt with.")
            .Bool("silenced", r => r.Silenced, "Whether a silence matched it at the last evaluation.")
            .Build(r => new AlertState(
                r.Text("fingerprint"), r.Text("rule"), r.Text("rule_group"), r.Text("labels"), r.Enum<AlertStatus>("status"),
                r.Enum<AlertSeverity>("severity"), r.RealOrNull("value"), r.InstantOrNull("active_since"),
                r.InstantOrNull("fired_at"), r.InstantOrNull("resolved_at"), r.Instant("evaluated_at"), r.Text("annotations"),
                r.InstantOrNull("notified_at"), r.Bool("resolved_notified"), r.Bool("silenced")));

    /// <summary>Silences: label matchers that mute notifications for a time.</summary>
    public static EntityMap<Silence> Silences { get; } =
        new EntityMapBuilder<Silence>("silences", "silences", "Silences: label matchers that mute alert notifications between two instants.")
            .Key("id", r => r.Id, "Its id.")
            .Text("matchers", r => r.Matchers, "Label matchers in selector syntax, such as `{team=\"payments\"}`.")
            .Instant("starts_at", r => r.StartsAt, "When it starts muting.")
            .Instant("ends_at", r => r.EndsAt, "When it stops muting (excluded).")
            .Text("author", r => r.Author, "Who created it.")
            .Text("reason", r => r.Reason, "Why.")
            .Instant("created_at", r => r.CreatedAt, "When it was created.")
            .Build(r => new Silence(
                r.Text("id"), r.Text("matchers"), r.Instant("starts_at"), r.Instant("ends_at"), r.Text("author"),
                r.Text("reason"), r.Instant("created_at")));

    /// <summary>The notification outbox: one row per alert group and channel to send once.</summary>
    public static EntityMap<AlertNotification> AlertNotifications { get; } =
        new EntityMapBuilder<AlertNotification>("alert-notifications", "alert_notifications", "The notification outbox: one row per alert group, team and channel, to be sent once.")
            .Key("idempotency_key", r => r.IdempotencyKey, "A hash of the channel, the group and its alerts' states; receivers drop repeats by it.")
            .Text("channel", r => r.Channel, "`email`, `webhook` or `slack`.")
            .Text("target", r => r.Target, "E-mail addresses (comma-separated) or the webhook URL.")
            .OptionalText("team", r => r.Team, "The team the group belongs to.")
            .Text("group_key", r => r.GroupKey, "The group: channel, target and the `group_by` label values.")
            .Enum("kind", r => r.Kind, "Firing, or only resolutions.")
            .Instant("created_at", r => r.CreatedAt, "The evaluation time that produced it.")
            .List("alerts", r => r.Alerts, "Fingerprints of the alerts it carries.")
            .Text("payload", r => r.Payload, "The message's content as JSON.")
            .OptionalInstant("sent_at", r => r.SentAt, "When a sender delivered it.")
            .Build(r => new AlertNotification(
                r.Text("idempotency_key"), r.Text("channel"), r.Text("target"), r.TextOrNull("team"), r.Text("group_key"),
                r.Enum<NotificationKind>("kind"), r.Instant("created_at"), r.List("alerts"), r.Text("payload"),
                r.InstantOrNull("sent_at")));
}
