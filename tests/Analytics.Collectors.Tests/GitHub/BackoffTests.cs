using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class BackoffTests
{
    [Theory]
    // base 1 s × 2^(retry−1), scaled by 0.5 + 0.5 × jitter.
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(3, 0.5, 3.0)]
    [InlineData(4, 1.0, 8.0)]
    public void Delay_Retry_DoublesWithJitter(int retry, double jitter, double expectedSeconds) =>
        Backoff.Delay(retry, TimeSpan.FromSeconds(1), jitter).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void Delay_ManyRetries_StopsAtTheCeiling() =>
        Backoff.Delay(50, TimeSpan.FromSeconds(1), 1.0).Should().Be(Backoff.Ceiling);

    [Fact]
    public void Delay_RetryZero_Throws() =>
        FluentActions.Invoking(() => Backoff.Delay(0, TimeSpan.FromSeconds(1), 0)).Should().Throw<ArgumentOutOfRangeException>();
}
