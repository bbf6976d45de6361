using Analytics.Signals.ChangePoints;

namespace Analytics.Signals.Tests.ChangePoints;

/// <summary>
/// The worked series of docs signal-science.md §3.3 (Hunter / Apache Otava, Fleming et al., ICPE 2023), each with the
/// parameters and the expected change points of the Otava or Hunter test it comes from.
/// </summary>
public sealed class OtavaWorkedSeriesTests
{
    /// <summary>Otava <c>tests/analysis_test.py::test_single_series</c>.</summary>
    private static readonly double[] SingleSeries =
    [
        1.02, 0.95, 0.99, 1.00, 1.12, 1.00, 1.01, 0.98, 1.01, 0.96,
        0.50, 0.51, 0.48, 0.48, 0.55, 0.50, 0.49, 0.51, 0.50, 0.49,
    ];

    /// <summary>Hunter <c>tests/series_test.py</c>.</summary>
    private static readonly double[] Series1 = [1.02, 0.95, 0.99, 1.00, 1.12, 0.90, 0.50, 0.51, 0.48, 0.48, 0.55];

    /// <summary>Hunter <c>tests/series_test.py</c>.</summary>
    private static readonly double[] Series2 = [2.02, 2.03, 2.01, 2.04, 1.82, 1.85, 1.79, 1.81, 1.80, 1.76, 1.78];

    [Fact]
    public void Detect_OtavaSingleSeriesWindow10P00001_FindsIndex10()
    {
        // §3.3 test_single_series: window 10, p 0.0001 → [10].
        var points = ChangePointDetector.Detect(SingleSeries, new ChangePointOptions { WindowLength = 10, MaxPValue = 0.0001 });

        points.Select(p => p.Index).Should().Equal(10);
    }

    [Fact]
    public void Detect_HunterSeries1And2Defaults_FindIndex6And4()
    {
        // §3.3 tests/series_test.py with the defaults (window 50, p 0.001, minimum magnitude 0): series2 → 4, series1 → 6.
        ChangePointDetector.Detect(Series1).Select(p => p.Index).Should().Equal(6);
        ChangePointDetector.Detect(Series2).Select(p => p.Index).Should().Equal(4);
    }

    [Fact]
    public void Detect_HunterSeries1And2MinMagnitude02_KeepsOnlyIndex6()
    {
        // §3.3: min_magnitude 0.2 leaves only series1's change at 6. Series2's change is 2.026 → 1.799, magnitude
        // 2.026/1.799 − 1 ≈ 0.126 ≤ 0.2; series1's is 1.00 → 0.50, magnitude ≈ 1.0.
        var options = new ChangePointOptions { MinMagnitude = 0.2 };

        ChangePointDetector.Detect(Series1, options).Select(p => p.Index).Should().Equal(6);
        ChangePointDetector.Detect(Series2, options).Should().BeEmpty();
    }

    [Fact]
    public void Detect_HunterSampleCsvMetric2_FindsMinus12Point9PercentAtAaa6()
    {
        // §3.3 csv_e2e_test.py / tests/resources/sample.csv: one change point, at commit aaa6 (index 6) on metric2, −12.9%.
        // Hand check: before (10.43+10.23+10.29+10.91+10.34+10.69)/6 = 10.4817, after (9.23+9.11+9.13+9.03)/4 = 9.125,
        // 9.125 / 10.4817 − 1 = −0.1294.
        double[] metric1 = [154023, 138455, 143112, 149190, 132098, 151344, 155145, 148889, 149466, 148209];
        double[] metric2 = [10.43, 10.23, 10.29, 10.91, 10.34, 10.69, 9.23, 9.11, 9.13, 9.03];

        ChangePointDetector.Detect(metric1).Should().BeEmpty();
        var point = ChangePointDetector.Detect(metric2).Should().ContainSingle().Subject;
        point.Index.Should().Be(6);
        point.MeanBefore.Should().BeApproximately(10.4817, 0.0001);
        point.MeanAfter.Should().BeApproximately(9.125, 1e-9);
        Math.Round(point.RelativeChange * 100, 1).Should().Be(-12.9);
    }

    // §3.3, the TigerBeetle series (Otava tests/tigerbeetle_test.py, window 30). signal-science.md lists these rows
    // under "same" series; the primary source shows they are the 369-point TigerBeetle series, not series1/series2.
    [Theory]
    [InlineData(0.05, 0.05, new[] { 15, 71 })]
    [InlineData(0.1, 0.05, new[] { 10, 11, 15, 71, 363 })]
    [InlineData(0.2, 0.05, new[] { 10, 11, 15, 71 })]
    [InlineData(0.001, 0.0, new[] { 15, 61, 71, 95, 117, 131, 142, 148, 192, 212, 260 })]
    [InlineData(0.0001, 0.0, new[] { 71, 95, 117, 131, 142, 148, 192, 212 })]
    [InlineData(0.00001, 0.0, new[] { 71, 95, 131, 192, 212 })]
    // The other cases of the same Otava test file.
    [InlineData(0.01, 0.05, new[] { 15, 71 })]
    [InlineData(0.1, 0.01, new[] { 10, 11, 15, 28, 29, 35, 37, 48, 49, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192, 206, 212, 260, 265, 268, 278, 282, 363 })]
    [InlineData(0.01, 0.0, new[] { 15, 26, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192, 212, 260 })]
    [InlineData(0.1, 0.0, new[] { 3, 6, 10, 11, 15, 16, 28, 29, 35, 37, 39, 41, 44, 48, 49, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192, 206, 212, 260, 265, 268, 278, 282, 288, 305, 363 })]
    [InlineData(0.2, 0.0, new[] { 3, 6, 7, 10, 11, 13, 15, 16, 28, 29, 35, 37, 39, 41, 44, 48, 49, 56, 58, 61, 65, 66, 69, 71, 74, 76, 82, 95, 108, 117, 125, 126, 129, 131, 136, 137, 142, 148, 165, 169, 187, 190, 192, 197, 200, 212, 220, 241, 243, 246, 247, 249, 250, 260, 265, 266, 268, 278, 282, 288, 305, 306, 325, 330, 337, 338, 340, 347, 349, 363 })]
    public void Detect_TigerBeetleWindow30_MatchesOtava(double maxPValue, double minMagnitude, int[] expected)
    {
        var points = ChangePointDetector.Detect(
            TigerBeetle.Series,
            new ChangePointOptions { WindowLength = 30, MaxPValue = maxPValue, MinMagnitude = minMagnitude, RecheckAfterMerge = false });

        points.Select(p => p.Index).Should().Equal(expected);
    }

    [Fact]
    public void Detect_TigerBeetleWithRecheck_DropsThePointsOtavaKeepsOnStaleFigures()
    {
        // Otava's p 0.001 answer keeps 260, but over its final segments (212..260 and 260..end) its p-value is not below
        // 0.001: Otava never recomputed it after removing its right neighbour. The recheck removes it.
        var otava = new ChangePointOptions { WindowLength = 30, MaxPValue = 0.001, RecheckAfterMerge = false };
        var rechecked = otava with { RecheckAfterMerge = true };

        var stale = ChangePointDetector.Detect(TigerBeetle.Series, otava).Single(p => p.Index == 260);
        var points = ChangePointDetector.Detect(TigerBeetle.Series, rechecked);

        stale.PValue.Should().BeGreaterThanOrEqualTo(0.001);
        points.Select(p => p.Index).Should().Equal(15, 61, 71, 95, 117, 131, 142, 148, 192, 212);
        points.Should().OnlyContain(p => p.PValue < 0.001);
    }
}
