using Analytics.Domain.Outbox;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>The delivery outbox: e-mails and webhook bodies to deliver once each.</summary>
    public static EntityMap<OutboundMessage> OutboundMessages { get; } =
        new EntityMapBuilder<OutboundMessage>("outbound-messages", "outbound_messages", "The delivery outbox: one e-mail recipient or webhook per row, delivered once.")
            .Key("idempotency_key", r => r.IdempotencyKey, "Report, period and recipient; enqueueing the same key again is a no-op.")
            .Enum("channel", r => r.Channel, "How it travels.")
            .Text("target", r => r.Target, "The recipient's e-mail address or the webhook's configured name.")
            .Enum("kind", r => r.Kind, "What it carries.")
            .OptionalText("team", r => r.Team, "The team it is about; empty for the organisation.")
            .OptionalText("period", r => r.Period, "The period it covers, such as `2026-W47`.")
            .Text("subject", r => r.Subject, "The e-mail's subject or a summary of the webhook body.")
            .Text("payload", r => r.Payload, "The e-mail (JSON, images and attachments in base64) or the webhook's JSON body.")
            .Instant("created_at", r => r.CreatedAt, "When it was enqueued.")
            .Int("attempts", r => r.Attempts, "Attempts started so far.")
            .OptionalInstant("next_attempt_at", r => r.NextAttemptAt, "When it is due next; empty once sent or failed.")
            .OptionalText("last_error", r => r.LastError, "Why the last attempt failed (never a secret).")
            .OptionalInstant("sent_at", r => r.SentAt, "When it was delivered.")
            .OptionalInstant("failed_at", r => r.FailedAt, "When it was given up.")
            .Build(r => new OutboundMessage(
                r.Text("idempotency_key"), r.Enum<OutboundChannel>("channel"), r.Text("target"), r.Enum<OutboundKind>("kind"),
                r.TextOrNull("team"), r.TextOrNull("period"), r.Text("subject"), r.Text("payload"), r.Instant("created_at"),
                r.Int("attempts"), r.InstantOrNull("next_attempt_at"), r.TextOrNull("last_error"), r.InstantOrNull("sent_at"),
                r.InstantOrNull("failed_at")));
}
