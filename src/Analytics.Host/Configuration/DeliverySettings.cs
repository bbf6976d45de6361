using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Configuration;

/// <summary>The <c>Delivery</c> section: how the outbox retries (see <c>docs/delivery.md</c>).</summary>
internal sealed class DeliverySettings
{
    /// <summary>Attempts before a message is marked failed (default 8).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt, doubled after each (default 1 minute).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between attempts (default 1 hour).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is left to the node that claimed it (default 10 minutes); longer than every timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
