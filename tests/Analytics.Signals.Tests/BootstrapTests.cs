using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

public sealed class BootstrapTests
{
    private static readonly double[] Durations = [120, 300, 450, 600, 900, 1_800, 3_600, 7_200];

    [Fact]
    public void Interval_SameData_IsTheSameEveryTime()
    {
        Bootstrap.Interval(Durations, Aggregator.Median).Should().Be(Bootstrap.Interval(Durations.ToList(), Aggregator.Median));
    }

    [Fact]
    public void Interval_Median_ContainsTheMedianAndStaysWithinTheData()
    {
        // The median of the eight durations is (600 + 900) / 2 = 750; resampled medians lie between min and max.
        var (low, high) = Bootstrap.Interval(Durations, Aggregator.Median)!.Value;

        low.Should().BeLessThanOrEqualTo(750).And.BeGreaterThanOrEqualTo(120);
        high.Should().BeGreaterThanOrEqualTo(750).And.BeLessThanOrEqualTo(7_200);
    }

    [Fact]
    public void Interval_ConstantValuesOrTooFew_AreExactOrAbsent()
    {
        Bootstrap.Interval([5, 5, 5], Aggregator.Mean).Should().Be((5.0, 5.0));
        Bootstrap.Interval([5, 6], Aggregator.Mean).Should().BeNull();
    }

    [Fact]
    public void Separated_OverlappingIntervals_AreNotSignificant()
    {
        var window = new TimeWindow(new DateOnly(2026, 11, 2), Granularity.Week, "UTC");

        Bootstrap.Separated(new SeriesPoint(window, 10, 9, 8, 12), new SeriesPoint(window, 11, 9, 9, 13)).Should().BeFalse();
        Bootstrap.Separated(new SeriesPoint(window, 10, 9, 8, 12), new SeriesPoint(window, 20, 9, 15, 25)).Should().BeTrue();
        Bootstrap.Separated(new SeriesPoint(window, 10, 1), new SeriesPoint(window, 20, 9, 15, 25)).Should().BeNull();
    }
}
