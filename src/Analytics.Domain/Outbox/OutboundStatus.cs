namespace Analytics.Domain.Outbox;

/// <summary>Where an outbound message is in its life; derived from <see cref="OutboundMessage"/>'s instants.</summary>
public enum OutboundStatus
{
    /// <summary>Waiting for its first or next attempt (or being attempted right now).</summary>
    Pending,

    /// <summary>Delivered: the SMTP server or the webhook accepted it.</summary>
    Sent,

    /// <summary>Given up: refused permanently, or out of attempts; <see cref="OutboundMessage.LastError"/> says why.</summary>
    Failed,
}
