using Analytics.Reports.Charts.Axes;

namespace Analytics.Reports.Tests.Charts.Axes;

public sealed class NiceNumbersTests
{
    [Theory]
    // 97 = 9.7 × 10^1; not rounding takes the smallest nice fraction ≥ 9.7, which is 10 → 100.
    [InlineData(97, false, 100)]
    // 25 = 2.5 × 10^1; rounding: 1.5 ≤ 2.5 < 3 → 2 → 20.
    [InlineData(25, true, 20)]
    // 1.5 is not below 1.5, so it rounds up to 2.
    [InlineData(1.5, true, 2)]
    // 7 = 7 × 10^0; 7 is not below 7, so it rounds to 10.
    [InlineData(7, true, 10)]
    // 0.0036 = 3.6 × 10^-3; smallest nice ≥ 3.6 is 5 → 0.005.
    [InlineData(0.0036, false, 0.005)]
    // 200 = 2 × 10^2 exactly; "≤ 2" keeps it at 2 → 200.
    [InlineData(200, false, 200)]
    public void Nice_GivenValue_ReturnsHeckbertNiceNumber(double x, bool round, double expected)
    {
        NiceNumbers.Nice(x, round).Should().Be(expected);
    }

    [Fact]
    public void Ticks_ZeroTo97WithFiveTicks_StepsOfTwenty()
    {
        // range = nice(97, no round) = 100; step = nice(100 / 4 = 25, round) = 20;
        // from floor(0/20)·20 = 0 to ceil(97/20)·20 = 100.
        var ticks = NiceNumbers.Ticks(0, 97, 5);

        ticks.Values.Should().Equal(0, 20, 40, 60, 80, 100);
        ticks.Step.Should().Be(20);
        (ticks.Min, ticks.Max).Should().Be((0, 100));
    }

    [Fact]
    public void Ticks_RangeNotStartingAtZero_StartsAtStepBelowMinimum()
    {
        // range = nice(87 − 23 = 64, no round) = 100; step = nice(25, round) = 20;
        // from floor(23/20)·20 = 20 to ceil(87/20)·20 = 100.
        NiceNumbers.Ticks(23, 87, 5).Values.Should().Equal(20, 40, 60, 80, 100);
    }

    [Fact]
    public void Ticks_NegativeToPositive_CrossesZero()
    {
        // range = nice(20, no round) = 20; step = nice(20 / 4 = 5, round) = 5;
        // from floor(−7/5)·5 = −10 to ceil(13/5)·5 = 15.
        NiceNumbers.Ticks(-7, 13, 5).Values.Should().Equal(-10, -5, 0, 5, 10, 15);
    }

    [Fact]
    public void Ticks_TinyMagnitudes_ExactThousandths()
    {
        // range = nice(0.0036, no round) = 0.005; step = nice(0.00125, round) = 1 × 10^-3;
        // from floor(1.2)·0.001 = 0.001 to ceil(4.8)·0.001 = 0.005.
        NiceNumbers.Ticks(0.0012, 0.0048, 5).Values.Should().Equal(0.001, 0.002, 0.003, 0.004, 0.005);
    }

    [Fact]
    public void Ticks_HugeMagnitudes_StepsOfOneTrillion()
    {
        // range = nice(3.2e12, no round) = 5e12; step = nice(1.25e12, round) = 1e12; up to ceil(3.2)·1e12 = 4e12.
        NiceNumbers.Ticks(0, 3.2e12, 5).Values.Should().Equal(0, 1e12, 2e12, 3e12, 4e12);
    }

    [Fact]
    public void Ticks_TenthsThatFloatingPointGetsWrong_AreTheClosestDoubles()
    {
        // range = nice(0.2, no round) = 0.2; step = nice(0.2 / 2 = 0.1, round) = 0.1; 0.3/0.1 is 2.9999999999999996 in
        // binary, which must still end the axis at 3 steps, and 3 × 0.1 must come out as 0.3, not 0.30000000000000004.
        NiceNumbers.Ticks(0.1, 0.3, 3).Values.Should().Equal(0.1, 0.2, 0.3);
    }

    [Fact]
    public void Ticks_EqualBounds_WidenedByTenPercent()
    {
        // 5..5 becomes 4.5..5.5; range = nice(1, no round) = 1; step = nice(0.25, round) = 0.2;
        // from floor(4.5/0.2 = 22.5) = 22 → 4.4 to ceil(27.5) = 28 → 5.6.
        var ticks = NiceNumbers.Ticks(5, 5, 5);

        ticks.Values.Should().Equal(4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6);
    }

    [Fact]
    public void Ticks_AllZero_ZeroToOne()
    {
        // 0..0 becomes 0..1; step = nice(1/4 = 0.25, round) = 0.2.
        NiceNumbers.Ticks(0, 0, 5).Values.Should().Equal(0, 0.2, 0.4, 0.6, 0.8, 1);
    }

    [Fact]
    public void Ticks_NaN_Throws()
    {
        var act = () => NiceNumbers.Ticks(double.NaN, 1, 5);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("min");
    }

    [Fact]
    public void Ticks_MaxBelowMin_Throws()
    {
        var act = () => NiceNumbers.Ticks(2, 1, 5);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("max");
    }
}
