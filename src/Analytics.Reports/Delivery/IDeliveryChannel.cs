using Analytics.Domain.Outbox;

namespace Analytics.Reports.Delivery;

/// <summary>
/// A way to deliver outbound messages (SMTP, webhooks). The <see cref="DeliveryWorker"/> calls it for each message it
/// claimed, outside any store transaction.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The messages it delivers; the worker claims only messages of the channels it has.</summary>
    OutboundChannel Channel { get; }

    /// <summary>
    /// The longest one <see cref="SendAsync"/> may take before it gives up; the worker's claim must outlast it
    /// (<see cref="DeliveryPolicy.Lease"/>), or a second node could attempt a message still in flight.
    /// </summary>
    TimeSpan Timeout { get; }

    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message, as claimed (its payload holds the content).</param>
    /// <param name="cancellationToken">Cancels the attempt; the message is then retried after its claim expires.</param>
    /// <returns>Sent, or a failure that says whether retrying can help, with a reason that holds no secret.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
