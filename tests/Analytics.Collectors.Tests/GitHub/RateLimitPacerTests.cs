using Analytics.Collectors.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class RateLimitPacerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delay_NothingKnownYet_IsZero() => RateLimitPacer.Delay(null, Now).Should().Be(TimeSpan.Zero);

    [Fact]
    public void Delay_PlentyLeft_IsZero() =>
        // 4,000 of 5,000 left is above the 10% reserve (500).
        RateLimitPacer.Delay(new RateLimitState(5000, 4000, Now.AddMinutes(30), "core"), Now).Should().Be(TimeSpan.Zero);

    [Fact]
    public void Delay_ExactlyAtTheReserve_SpreadsTheRest() =>
        // 500 of 5,000 is not above the reserve: 1,800 s to the reset / 500 requests = 3.6 s each.
        RateLimitPacer.Delay(new RateLimitState(5000, 500, Now.AddMinutes(30), "core"), Now).Should().Be(TimeSpan.FromSeconds(3.6));

    [Fact]
    public void Delay_FewLeft_SpreadsTheTimeToTheReset() =>
        // 600 s to the reset / 100 requests left = 6 s between requests.
        RateLimitPacer.Delay(new RateLimitState(5000, 100, Now.AddMinutes(10), "core"), Now).Should().Be(TimeSpan.FromSeconds(6));

    [Fact]
    public void Delay_NoneLeft_WaitsForTheResetPlusASecond() =>
        RateLimitPacer.Delay(new RateLimitState(5000, 0, Now.AddSeconds(90), "core"), Now).Should().Be(TimeSpan.FromSeconds(91));

    [Fact]
    public void Delay_ResetAlreadyPassed_IsZero() =>
        RateLimitPacer.Delay(new RateLimitState(5000, 0, Now.AddSeconds(-1), "core"), Now).Should().Be(TimeSpan.Zero);
}
