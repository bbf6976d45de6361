using Analytics.Domain.Alerts;
using Analytics.Domain.Outbox;
using Analytics.Host.Configuration;
using Analytics.Reports.Delivery;
using Analytics.Reports.Quarterly;
using Analytics.Storage;

namespace Analytics.Host.Reporting;

/// <summary>
/// What <c>report … --send</c> does with a rendered report: queue it in the delivery outbox under an idempotency key per
/// report, period and recipient, so running the command twice for the same period sends nothing new. Sending itself is
/// the delivery worker's job (docs/delivery.md).
/// </summary>
internal static class ReportSending
{
    /// <summary>Queues a team's weekly e-mail for its recipients; returns the messages added (none when already queued).</summary>
    public static async Task<Queued> WeeklyAsync(IStore store, TimeProvider time, TeamWeeklyEmail weekly, CancellationToken cancellationToken)
    {
        var week = weekly.Report.IsoWeek.ToString();
        if (weekly.Recipients.Count == 0)
        {
            return Queued.Skipped($"{weekly.Team.Id} {week}: no recipients (set the team's email in the teams file)");
        }

        var added = await DeliveryOutbox.EnqueueEmailAsync(
            store, time, [.. weekly.Recipients], weekly.Email, $"weekly/{weekly.Team.Id}/{week}", OutboundKind.Weekly, weekly.Team.Id, week, cancellationToken);
        return new Queued(added.Count, weekly.Recipients.Count - added.Count, null);
    }

    /// <summary>Queues a quarterly review (summary with the PDF attached) for the reviewed team's recipients.</summary>
    public static async Task<Queued> QuarterlyAsync(IStore store, TimeProvider time, QuarterlyReview review, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        var quarter = review.Quarter.ToString();
        var recipients = ReportComposer.Addresses(review.Subject.Email);
        if (recipients.Count == 0)
        {
            return Queued.Skipped($"{review.Subject.Id} {quarter}: no recipients ({(review.IsOrganisation ? "the organisation review has no address" : "set the team's email in the teams file")})");
        }

        var added = await DeliveryOutbox.EnqueueEmailAsync(
            store, time, [.. recipients], QuarterlyReviewEmail.Create(review, pdf), $"quarterly/{review.Subject.Id}/{quarter}", OutboundKind.Quarterly,
            review.Subject.Id, quarter, cancellationToken);
        return new Queued(added.Count, recipients.Count - added.Count, null);
    }

    /// <summary>
    /// Queues an alert group's message on the channel its rule routes to, then marks the rule engine's notification as
    /// handed over, so it is not rendered again. Webhooks are addressed by the names of the <c>Webhooks</c> settings: a
    /// rule's webhook target must be such a name or the URL one of them has.
    /// </summary>
    public static async Task<Queued> AlertAsync(IStore store, TimeProvider time, AnalyticsSettings settings, AlertMessageSet message, CancellationToken cancellationToken)
    {
        var notification = message.Notification;
        var period = notification.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Queued queued;
        if (string.Equals(notification.Channel, "email", StringComparison.OrdinalIgnoreCase))
        {
            if (message.Recipients.Count == 0)
            {
                return Queued.Skipped($"{notification.GroupKey}: no recipients");
            }

            var added = await DeliveryOutbox.EnqueueEmailAsync(
                store, time, [.. message.Recipients], message.Email, $"alert/{notification.IdempotencyKey}", OutboundKind.Alert, notification.Team, period, cancellationToken);
            queued = new Queued(added.Count, message.Recipients.Count - added.Count, null);
        }
        else
        {
            var name = WebhookName(settings, notification.Target);
            if (name is null)
            {
                return Queued.Skipped(
                    $"{notification.GroupKey}: the {notification.Channel} target is not a configured webhook; add it under Webhooks:NAME and route the rule to NAME (docs/delivery.md)");
            }

            var added = await DeliveryOutbox.EnqueueWebhookAsync(
                store, time, name, message.Webhook, message.Email.Subject, $"alert/{notification.IdempotencyKey}", OutboundKind.Alert, notification.Team, period, cancellationToken);
            queued = new Queued(added is null ? 0 : 1, added is null ? 1 : 0, null);
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.UpsertAsync(Analytics.Storage.Schema.Entities.AlertNotifications, [notification with { SentAt = time.GetUtcNow() }], cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return queued;
    }

    private static string? WebhookName(AnalyticsSettings settings, string target)
    {
        if (settings.Webhooks.ContainsKey(target))
        {
            return settings.Webhooks.Keys.First(k => string.Equals(k, target, StringComparison.OrdinalIgnoreCase));
        }

        return settings.Webhooks.FirstOrDefault(w => string.Equals(w.Value.Url, target, StringComparison.Ordinal)).Key;
    }

    /// <summary>What queueing one report did.</summary>
    /// <param name="Added">Messages added to the outbox.</param>
    /// <param name="AlreadyQueued">Messages that were queued before (same report, period and recipient).</param>
    /// <param name="Reason">Why nothing could be queued, when nothing was.</param>
    internal sealed record Queued(int Added, int AlreadyQueued, string? Reason)
    {
        /// <summary>Nothing queued, for the reason given.</summary>
        public static Queued Skipped(string reason) => new(0, 0, reason);
    }
}
