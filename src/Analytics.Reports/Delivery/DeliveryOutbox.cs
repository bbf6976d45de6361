using System.Net.Mail;
using System.Text.Json;
using Analytics.Domain.Outbox;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Reports.Delivery;

/// <summary>
/// The delivery outbox in the store: reports and alerts are enqueued here, in one transaction, and a
/// <see cref="DeliveryWorker"/> delivers them. One row per recipient or webhook, keyed by the caller's idempotency key
/// (report and period) plus the recipient, so enqueueing the same report for the same period again is a no-op.
/// See <c>docs/delivery.md</c>.
/// </summary>
public static class DeliveryOutbox
{
    /// <summary>The store lock that serialises enqueueing, claiming and recording attempts across nodes.</summary>
    public const string LockName = "delivery:outbox";

    /// <summary>Enqueues an e-mail once per recipient.</summary>
    /// <param name="store">The store.</param>
    /// <param name="time">The clock: the message is due from now.</param>
    /// <param name="recipients">E-mail addresses; duplicates (ignoring case) are sent once.</param>
    /// <param name="message">The e-mail.</param>
    /// <param name="idempotencyKey">What makes the e-mail unique apart from the recipient: report, team and period, such as <c>weekly/payments/2026-W47</c>.</param>
    /// <param name="kind">What it carries.</param>
    /// <param name="team">The team it is about; null for the organisation.</param>
    /// <param name="period">The period it covers; null when none.</param>
    /// <param name="cancellationToken">Cancels the transaction (nothing is enqueued then).</param>
    /// <returns>The rows added; an empty list when every recipient already had it.</returns>
    /// <exception cref="ArgumentException">A recipient is not an e-mail address, or there is none.</exception>
    public static async Task<IReadOnlyList<OutboundMessage>> EnqueueEmailAsync(
        IStore store,
        TimeProvider time,
        IReadOnlyCollection<string> recipients,
        EmailMessage message,
        string idempotencyKey,
        OutboundKind kind,
        string? team,
        string? period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("at least one recipient is needed", nameof(recipients));
        }

        var addresses = new List<string>();
        foreach (var recipient in recipients)
        {
            if (!MailAddress.TryCreate(recipient, out var address))
            {
                throw new ArgumentException($"'{recipient}' is not an e-mail address", nameof(recipients));
            }

            if (!addresses.Contains(address.Address, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(address.Address);
            }
        }

        var payload = EmailPayload.Serialize(message);
        var now = time.GetUtcNow();
        return await EnqueueAsync(
            store,
            addresses.Select(a => Row(now, $"{idempotencyKey}/{a.ToLowerInvariant()}", OutboundChannel.Email, a, kind, team, period, message.Subject, payload)),
            cancellationToken);
    }

    /// <summary>Enqueues a JSON body for a webhook configured by name.</summary>
    /// <param name="store">The store.</param>
    /// <param name="time">The clock: the message is due from now.</param>
    /// <param name="webhook">The webhook's name in the <c>Webhooks</c> settings.</param>
    /// <param name="body">The JSON body, posted as is.</param>
    /// <param name="summary">A one-line summary for listings, such as the alert's title.</param>
    /// <param name="idempotencyKey">What makes the body unique apart from the webhook: report or alert group, and period.</param>
    /// <param name="kind">What it carries.</param>
    /// <param name="team">The team it is about; null for the organisation.</param>
    /// <param name="period">The period it covers; null when none.</param>
    /// <param name="cancellationToken">Cancels the transaction (nothing is enqueued then).</param>
    /// <returns>The row added, or null when the webhook already had it.</returns>
    /// <exception cref="ArgumentException">The body is not JSON, or a name is blank.</exception>
    public static async Task<OutboundMessage?> EnqueueWebhookAsync(
        IStore store,
        TimeProvider time,
        string webhook,
        string body,
        string summary,
        string idempotencyKey,
        OutboundKind kind,
        string? team,
        string? period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(webhook);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"the webhook body is not JSON: {e.Message}", nameof(body), e);
        }

        var added = await EnqueueAsync(
            store,
            [Row(time.GetUtcNow(), $"{idempotencyKey}/webhook:{webhook}", OutboundChannel.Webhook, webhook, kind, team, period, summary, body)],
            cancellationToken);
        return added.Count == 0 ? null : added[0];
    }

    /// <summary>Lists the outbox, oldest first (payloads included).</summary>
    /// <param name="store">The store.</param>
    /// <param name="status">Only messages in this state; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<OutboundMessage>> ListAsync(IStore store, OutboundStatus? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var messages = new List<OutboundMessage>();
        await foreach (var message in store.ReadAsync(Entities.OutboundMessages, StoreQuery.All.OrderedBy("created_at"), cancellationToken))
        {
            if (status is null || message.Status == status)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Reads the e-mail a message carries.</summary>
    /// <exception cref="ArgumentException">The message is not an e-mail.</exception>
    /// <exception cref="FormatException">Its payload is not a stored e-mail.</exception>
    public static EmailMessage EmailOf(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel == OutboundChannel.Email
            ? EmailPayload.Deserialize(message.Payload)
            : throw new ArgumentException($"outbound message '{message.IdempotencyKey}' is a {message.Channel}, not an e-mail", nameof(message));
    }

    private static async Task<IReadOnlyList<OutboundMessage>> EnqueueAsync(
        IStore store, IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync(LockName, cancellationToken);
        var added = new List<OutboundMessage>();
        foreach (var message in messages)
        {
            var existing = writer.ReadAsync(Entities.OutboundMessages, StoreQuery.All.Where("idempotency_key", message.IdempotencyKey), cancellationToken);
            if (!await existing.AnyAsync(cancellationToken))
            {
                added.Add(message);
            }
        }

        if (added.Count > 0)
        {
            await writer.UpsertAsync(Entities.OutboundMessages, added, cancellationToken);
            await writer.CommitAsync(cancellationToken);
        }

        return added;
    }

    private static OutboundMessage Row(
        DateTimeOffset now,
        string key, OutboundChannel channel, string target, OutboundKind kind, string? team, string? period, string subject, string payload) =>
        new(key, channel, target, kind, team, period, subject, payload, now, 0, now, null, null, null);
}
