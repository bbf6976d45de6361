using Analytics.Domain.Common;

namespace Analytics.Domain.Alerts;

/// <summary>
/// One notification waiting in the outbox: one group of alerts (one team, one channel) to send once. Written by the
/// evaluation that decided it, in the same transaction as the alert state; a sender marks <see cref="SentAt"/>.
/// Keyed by <see cref="IdempotencyKey"/>, which a sender passes on so a receiver can drop repeats.
/// </summary>
/// <param name="IdempotencyKey">A hash of the channel, the group and the alerts' states at the evaluation that decided it.</param>
/// <param name="Channel">The channel kind: <c>email</c>, <c>webhook</c> or <c>slack</c>.</param>
/// <param name="Target">Where to: e-mail addresses (comma-separated) or the webhook's URL.</param>
/// <param name="Team">The team the group belongs to; null when the alerts carry no team label.</param>
/// <param name="GroupKey">The group: channel, target and the values of the rules' <c>group_by</c> labels.</param>
/// <param name="Kind">Whether it announces firing alerts or only resolutions.</param>
/// <param name="CreatedAt">The evaluation time that produced it.</param>
/// <param name="Alerts">The fingerprints of the alerts it carries.</param>
/// <param name="Payload">The message's content as JSON (alerts with labels, annotations, status and value).</param>
/// <param name="SentAt">When a sender delivered it; null while waiting.</param>
public sealed record AlertNotification(
    string IdempotencyKey,
    string Channel,
    string Target,
    string? Team,
    string GroupKey,
    NotificationKind Kind,
    DateTimeOffset CreatedAt,
    ValueList<string> Alerts,
    string Payload,
    DateTimeOffset? SentAt)
{
    /// <summary>Its idempotency key.</summary>
    public string IdempotencyKey { get; init => field = Guard.NotBlank(value, nameof(IdempotencyKey)); } = Guard.NotBlank(IdempotencyKey);

    /// <summary>The channel kind.</summary>
    public string Channel { get; init => field = Guard.NotBlank(value, nameof(Channel)); } = Guard.NotBlank(Channel);

    /// <summary>Where to.</summary>
    public string Target { get; init => field = Guard.NotBlank(value, nameof(Target)); } = Guard.NotBlank(Target);

    /// <summary>When it was decided (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(CreatedAt);

    /// <summary>When it was delivered (UTC).</summary>
    public DateTimeOffset? SentAt { get; init => field = Guard.Utc(value); } = Guard.Utc(SentAt);
}
