using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class BoxStatisticsTests
{
    [Fact]
    public void Of_SampleWithOneHighValue_QuartilesWhiskersAndOutlier()
    {
        // Sorted 1..9, 30 (n = 10), type 7: Q1 at 9 × 0.25 = 2.25 → 3 + 0.25 = 3.25; median at 4.5 → 5.5;
        // Q3 at 6.75 → 7 + 0.75 = 7.75. IQR 4.5, fences 3.25 − 6.75 = −3.5 and 7.75 + 6.75 = 14.5:
        // whiskers at the furthest values inside, 1 and 9; 30 is an outlier.
        var stats = BoxStatistics.Of([30, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

        stats.Should().NotBeNull();
        stats!.Count.Should().Be(10);
        (stats.Q1, stats.Median, stats.Q3).Should().Be((3.25, 5.5, 7.75));
        (stats.WhiskerLow, stats.WhiskerHigh).Should().Be((1, 9));
        stats.Outliers.Should().Equal(30);
    }

    [Fact]
    public void Of_TwoValues_WhiskersAtBothValues()
    {
        // 10, 20: Q1 12.5, median 15, Q3 17.5, fences 5 and 25 → nothing outside.
        var stats = BoxStatistics.Of([20, 10])!;

        (stats.Q1, stats.Median, stats.Q3, stats.WhiskerLow, stats.WhiskerHigh).Should().Be((12.5, 15, 17.5, 10, 20));
        stats.Outliers.Should().BeEmpty();
    }

    [Fact]
    public void Of_OnlyNonFinite_Null()
    {
        BoxStatistics.Of([double.NaN, double.PositiveInfinity]).Should().BeNull();
    }
}
