namespace Analytics.Domain.Outbox;

/// <summary>How an outbound message travels.</summary>
public enum OutboundChannel
{
    /// <summary>An e-mail over SMTP to one recipient address.</summary>
    Email,

    /// <summary>An HTTP POST of a JSON body to a webhook configured by name.</summary>
    Webhook,
}
