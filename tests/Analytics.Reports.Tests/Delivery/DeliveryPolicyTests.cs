using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

public sealed class DeliveryPolicyTests
{
    [Fact]
    public void BackoffAfter_Attempts_DoublesFromTheInitialUpToTheMaximum()
    {
        var policy = new DeliveryPolicy { InitialBackoff = TimeSpan.FromMinutes(1), MaxBackoff = TimeSpan.FromMinutes(10) };

        // 1 × 2^(n−1) minutes: 1, 2, 4, 8, then capped at 10.
        Enumerable.Range(1, 6).Select(policy.BackoffAfter).Select(t => t.TotalMinutes).Should().Equal(1, 2, 4, 8, 10, 10);
        policy.BackoffAfter(1000).Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Init_NonPositiveValues_Throw()
    {
        var zeroAttempts = () => new DeliveryPolicy { MaxAttempts = 0 };
        var zeroLease = () => new DeliveryPolicy { Lease = TimeSpan.Zero };

        zeroAttempts.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxAttempts");
        zeroLease.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Lease");
    }
}
