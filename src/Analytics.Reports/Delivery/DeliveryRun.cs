using Analytics.Domain.Outbox;

namespace Analytics.Reports.Delivery;

/// <summary>What one <see cref="DeliveryWorker.RunOnceAsync"/> did.</summary>
/// <param name="Attempted">Each message attempted, as recorded after its attempt (sent, pending with a next attempt, or failed).</param>
public sealed record DeliveryRun(IReadOnlyList<OutboundMessage> Attempted)
{
    /// <summary>The messages delivered.</summary>
    public IEnumerable<OutboundMessage> Sent => Attempted.Where(m => m.Status == OutboundStatus.Sent);

    /// <summary>The messages that failed and wait for another attempt.</summary>
    public IEnumerable<OutboundMessage> Retrying => Attempted.Where(m => m.Status == OutboundStatus.Pending);

    /// <summary>The messages given up in this run.</summary>
    public IEnumerable<OutboundMessage> Failed => Attempted.Where(m => m.Status == OutboundStatus.Failed);
}
