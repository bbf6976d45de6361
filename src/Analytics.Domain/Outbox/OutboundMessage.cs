using Analytics.Domain.Common;

namespace Analytics.Domain.Outbox;

/// <summary>
/// One message in the delivery outbox: an e-mail to one recipient or a JSON body for one webhook, to deliver once.
/// Keyed by <see cref="IdempotencyKey"/> (report, period and recipient), so enqueueing it again changes nothing.
/// A worker claims it by moving <see cref="NextAttemptAt"/> past the attempt, then marks it sent, schedules the next
/// attempt or marks it failed. Equality is by value.
/// </summary>
/// <param name="IdempotencyKey">Report, period and recipient, such as <c>weekly/payments/2026-W47/ana@example.com</c>; also the seed of the e-mail's Message-ID.</param>
/// <param name="Channel">E-mail or webhook.</param>
/// <param name="Target">The recipient's address (e-mail) or the webhook's configured name.</param>
/// <param name="Kind">Weekly report, quarterly review or alert.</param>
/// <param name="Team">The team it is about; null for the whole organisation.</param>
/// <param name="Period">The period it covers, such as <c>2026-W47</c> or <c>2026-Q3</c>; null when it has none (an alert).</param>
/// <param name="Subject">The e-mail's subject, or a one-line summary of a webhook body, for listings.</param>
/// <param name="Payload">The serialized content: the e-mail with its images and attachments, or the webhook's JSON body.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="Attempts">How many attempts have started (a claim counts, even when the process died during it).</param>
/// <param name="NextAttemptAt">When it is due next; null once sent or failed.</param>
/// <param name="LastError">Why the last attempt failed (never containing a secret); null when none failed.</param>
/// <param name="SentAt">When it was delivered; null until then.</param>
/// <param name="FailedAt">When it was given up; null unless failed.</param>
public sealed record OutboundMessage(
    string IdempotencyKey,
    OutboundChannel Channel,
    string Target,
    OutboundKind Kind,
    string? Team,
    string? Period,
    string Subject,
    string Payload,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt)
{
    /// <summary>Its idempotency key; never blank.</summary>
    public string IdempotencyKey { get; init => field = Guard.NotBlank(value, nameof(IdempotencyKey)); } = Guard.NotBlank(IdempotencyKey);

    /// <summary>Where to; never blank.</summary>
    public string Target { get; init => field = Guard.NotBlank(value, nameof(Target)); } = Guard.NotBlank(Target);

    /// <summary>The subject; never blank.</summary>
    public string Subject { get; init => field = Guard.NotBlank(value, nameof(Subject)); } = Guard.NotBlank(Subject);

    /// <summary>The serialized content; never blank.</summary>
    public string Payload { get; init => field = Guard.NotBlank(value, nameof(Payload)); } = Guard.NotBlank(Payload);

    /// <summary>When it was enqueued (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(CreatedAt);

    /// <summary>Attempts started; never negative.</summary>
    public int Attempts { get; init => field = Guard.NotNegative(value, nameof(Attempts)); } = Guard.NotNegative(Attempts);

    /// <summary>When it is due next (UTC).</summary>
    public DateTimeOffset? NextAttemptAt { get; init => field = Guard.Utc(value); } = Guard.Utc(NextAttemptAt);

    /// <summary>When it was delivered (UTC).</summary>
    public DateTimeOffset? SentAt { get; init => field = Guard.Utc(value); } = Guard.Utc(SentAt);

    /// <summary>When it was given up (UTC).</summary>
    public DateTimeOffset? FailedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(FailedAt);

    /// <summary>Pending, sent or failed.</summary>
    public OutboundStatus Status =>
        SentAt is not null ? OutboundStatus.Sent : FailedAt is not null ? OutboundStatus.Failed : OutboundStatus.Pending;
}
