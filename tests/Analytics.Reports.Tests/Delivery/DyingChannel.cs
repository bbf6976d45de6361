using Analytics.Domain.Outbox;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>An e-mail channel whose process "dies" mid-send: it cancels the run and never returns an outcome.</summary>
internal sealed class DyingChannel(CancellationTokenSource run) : IDeliveryChannel
{
    public OutboundChannel Channel => OutboundChannel.Email;

    public TimeSpan Timeout => TimeSpan.FromSeconds(30);

    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        run.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("unreachable: the token was cancelled");
    }
}
