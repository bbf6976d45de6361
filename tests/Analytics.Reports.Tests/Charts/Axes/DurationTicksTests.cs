using Analytics.Reports.Charts.Axes;

namespace Analytics.Reports.Tests.Charts.Axes;

public sealed class DurationTicksTests
{
    [Fact]
    public void Ticks_ZeroTo97Seconds_ThirtySecondSteps()
    {
        // At most 6 ticks: 10 s needs 0..10 = 11 ticks, 15 s needs 0..ceil(97/15 = 6.5) = 8, 30 s needs 0..4 = 5.
        DurationTicks.Ticks(0, 97, 6).Values.Should().Equal(0, 30, 60, 90, 120);
    }

    [Fact]
    public void Ticks_NinetyMinutes_HalfHourSteps()
    {
        // 5400 s; 15 min (900 s) needs 0..6 = 7 ticks, 30 min (1800 s) needs 0..3 = 4.
        DurationTicks.Ticks(0, 5_400, 6).Values.Should().Equal(0, 1_800, 3_600, 5_400);
    }

    [Fact]
    public void Ticks_FiveAndAHalfHours_TwoHourSteps()
    {
        // 20000 s; 1 h needs 0..ceil(5.56) = 7 ticks, 2 h (7200 s) needs 0..ceil(2.78) = 4.
        DurationTicks.Ticks(0, 20_000, 6).Values.Should().Equal(0, 7_200, 14_400, 21_600);
    }

    [Fact]
    public void Ticks_NotStartingAtZero_StartsAtStepBelowMinimum()
    {
        // 4000..20000 s; 30 min needs floor(2.2) = 2 .. ceil(11.1) = 12 → 11 ticks, 1 h needs 1..6 → 6 ticks.
        DurationTicks.Ticks(4_000, 20_000, 6).Values.Should().Equal(3_600, 7_200, 10_800, 14_400, 18_000, 21_600);
    }

    [Fact]
    public void Ticks_TenDays_TwoDaySteps()
    {
        // 864000 s; 1 d needs 11 ticks, 2 d (172800 s) needs 0..5 = 6.
        DurationTicks.Ticks(0, 864_000, 6).Values.Should().Equal(0, 172_800, 345_600, 518_400, 691_200, 864_000);
    }

    [Fact]
    public void Ticks_ThirtyDays_TenDaySteps()
    {
        // 2592000 s, at most 5 ticks; 2 d needs 16, 5 d needs 7, 10 d (864000 s) needs 0..3 = 4.
        DurationTicks.Ticks(0, 2_592_000, 5).Values.Should().Equal(0, 864_000, 1_728_000, 2_592_000);
    }

    [Fact]
    public void Ticks_UnderOneSecond_FallsBackToNiceNumbers()
    {
        // Span 0.3 s < 1 s: Heckbert with 5 ticks; range = nice(0.3) = 0.5, step = nice(0.125, round) = 0.1.
        DurationTicks.Ticks(0, 0.3, 5).Values.Should().Equal(0, 0.1, 0.2, 0.3);
    }

    [Fact]
    public void Ticks_SingleValue_StartsAtZero()
    {
        // 45..45 becomes 0..45; 10 s needs 0..5 = 6 ticks ≤ 6.
        DurationTicks.Ticks(45, 45, 6).Values.Should().Equal(0, 10, 20, 30, 40, 50);
    }
}
