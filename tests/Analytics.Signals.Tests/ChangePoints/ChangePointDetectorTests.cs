using Analytics.Signals.ChangePoints;

namespace Analytics.Signals.Tests.ChangePoints;

public sealed class ChangePointDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>value ± 1, alternating: mean value, population standard deviation exactly 1 over an even count.</summary>
    private static IEnumerable<double> Noisy(double value, int count) => Enumerable.Range(0, count).Select(i => i % 2 == 0 ? value - 1 : value + 1);

    [Fact]
    public void Detect_CleanStep_FindsItWithHandComputedFigures()
    {
        // 10 × (10 ± 1) then 10 × (20 ± 1). Before: mean 10, sd 1; after: mean 20, sd 1. Pooled variance
        // (9·1 + 9·1)/18 = 1, t = (10 − 20)/√(1·(1/10 + 1/10)) = −22.36 with 18 degrees of freedom: p ≈ 1e-14.
        // Relative change 20/10 − 1 = +1.0; magnitude max(|+1.0|, |10/20 − 1|) = 1.0. Medians 10 and 20.
        var values = Noisy(10, 10).Concat(Noisy(20, 10)).Select((v, i) => new TimedValue(Start.AddHours(i), v)).ToList();

        var point = ChangePointDetector.Detect(values).Should().ContainSingle().Subject;

        point.Index.Should().Be(10);
        point.At.Should().Be(Start.AddHours(10));
        point.MeanBefore.Should().Be(10);
        point.MeanAfter.Should().Be(20);
        point.MedianBefore.Should().Be(10);
        point.MedianAfter.Should().Be(20);
        point.StdDevBefore.Should().Be(1);
        point.StdDevAfter.Should().Be(1);
        point.CountBefore.Should().Be(10);
        point.CountAfter.Should().Be(10);
        point.RelativeChange.Should().Be(1.0);
        point.Magnitude.Should().Be(1.0);
        point.PValue.Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Detect_NoChangeInConstantNoise_FindsNothing()
    {
        // A fixed pattern of noise (mean 10.75) repeated 25 times: every split compares samples of the same pattern.
        double[] pattern = [10, 12, 9, 11, 8, 13, 10, 13];
        var values = Enumerable.Repeat(pattern, 25).SelectMany(p => p).ToArray();

        ChangePointDetector.Detect(values).Should().BeEmpty();
    }

    [Fact]
    public void Detect_TwoSteps_FindsBoth()
    {
        // 15 × (10 ± 1), 15 × (20 ± 1), 15 × (15 ± 1). Segments of 15 alternate −1, +1, …, −1: means 10 − 1/15,
        // 20 − 1/15 and 15 − 1/15. The second change is (15 − 1/15)/(20 − 1/15) − 1 = −0.2508.
        var values = Noisy(10, 15).Concat(Noisy(20, 15)).Concat(Noisy(15, 15)).ToArray();

        var points = ChangePointDetector.Detect(values);

        points.Select(p => p.Index).Should().Equal(15, 30);
        points[0].MeanBefore.Should().BeApproximately(10 - (1.0 / 15), 1e-12);
        points[0].MeanAfter.Should().BeApproximately(20 - (1.0 / 15), 1e-12);
        points[1].RelativeChange.Should().BeApproximately(((15 - (1.0 / 15)) / (20 - (1.0 / 15))) - 1, 1e-12);
    }

    [Fact]
    public void Detect_SingleSpike_IsNotAChangePoint()
    {
        // 40 × (10 ± 1) with 30 at index 20. The best split puts the spike at the start of the second half: before
        // mean 10, sd 1; after (30 + 19 values averaging 10.05)/20 ≈ 11.05 with sd ≈ 4.4. t ≈ −1.05, p ≈ 0.3, far above
        // the relaxed 0.01 of the first pass, so nothing is kept.
        var values = Noisy(10, 40).ToArray();
        values[20] = 30;

        ChangePointDetector.Detect(values).Should().BeEmpty();
    }

    [Fact]
    public void Detect_SmallStepBelowMinimumMagnitude_IsDroppedByTheMerge()
    {
        // 20 × (100 ± 0.1) then 20 × (103 ± 0.1): clearly significant (t ≈ −95) but only 3% larger. The minimum
        // magnitude 0.05 removes it; 0.02 keeps it (magnitude max(0.03, |100/103 − 1| = 0.0291) = 0.03).
        var values = Enumerable.Range(0, 40).Select(i => (i < 20 ? 100 : 103) + (i % 2 == 0 ? -0.1 : 0.1)).ToArray();

        ChangePointDetector.Detect(values, new ChangePointOptions { MinMagnitude = 0.05 }).Should().BeEmpty();
        var kept = ChangePointDetector.Detect(values, new ChangePointOptions { MinMagnitude = 0.02 }).Should().ContainSingle().Subject;
        kept.Index.Should().Be(20);
        kept.Magnitude.Should().BeApproximately(0.03, 1e-12);
    }

    [Fact]
    public void Detect_OutlierWithMinimumSegmentLength_IsNotASegment()
    {
        // A single 74 between 14 × 50 and 15 × 100: with segments of one point allowed, [74] has zero variance and
        // differs from the constant 50s, so the t-test calls 14 a change point too (p = 0). Two points at least: only 15.
        double[] values = [.. Enumerable.Repeat(50.0, 14), 74, .. Enumerable.Repeat(100.0, 15)];

        ChangePointDetector.Detect(values).Select(p => p.Index).Should().Equal(14, 15);
        ChangePointDetector.Detect(values, new ChangePointOptions { MinSegmentLength = 2 }).Select(p => p.Index).Should().Equal(15);
    }

    [Fact]
    public void Detect_EmptyAndShortSeries_FindNothing()
    {
        ChangePointDetector.Detect(Array.Empty<double>()).Should().BeEmpty();
        ChangePointDetector.Detect([1.0]).Should().BeEmpty();
        ChangePointDetector.Detect([1.0, 2.0]).Should().BeEmpty();
    }

    [Fact]
    public void Detect_NaN_IsRejected()
    {
        var act = () => ChangePointDetector.Detect([1.0, double.NaN, 2.0]);

        act.Should().Throw<ArgumentException>().WithMessage("value 1 is NaN*");
    }

    [Theory]
    [InlineData(1, 0.001, 0, 1)]
    [InlineData(50, 1.5, 0, 1)]
    [InlineData(50, 0.001, -0.1, 1)]
    [InlineData(50, 0.001, 0, 0)]
    public void Detect_InvalidOptions_AreRejected(int window, double p, double magnitude, int minSegment)
    {
        var act = () => ChangePointDetector.Detect([1.0, 2.0, 3.0], new ChangePointOptions { WindowLength = window, MaxPValue = p, MinMagnitude = magnitude, MinSegmentLength = minSegment });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0.001, 0.01)]
    [InlineData(0.01, 0.1)]
    [InlineData(0.1, 0.2)]
    [InlineData(0.6, 0.6)]
    public void FirstPassPValue_IsOtavasRelaxedThreshold(double maxPValue, double expected)
    {
        // Otava compute_change_points: 10 × below 0.05, 2 × below 0.5, else unchanged (§3.3).
        new ChangePointOptions { MaxPValue = maxPValue }.FirstPassPValue.Should().BeApproximately(expected, 1e-15);
    }

    [Theory]
    // One degree of freedom (n 1 and 2): T is Cauchy, P(|T| > 1) = 1 − 2·atan(1)/π = 0.5. Pooled variance
    // (0·0 + 1·1)/1 = 1, so means 0 and √1.5 give t = √1.5/√(1·(1 + 1/2)) = 1.
    [InlineData(0, 0, 1, 1.2247448713915889, 1, 2, 0.5)]
    // Two degrees of freedom (n 2 and 2): P(|T| > t) = 1 − t/√(2 + t²); t = 1 gives 1 − 1/√3. Pooled variance 1,
    // t = 1/√(1·(1/2 + 1/2)) = 1.
    [InlineData(0, 1, 2, 1, 1, 2, 0.42264973081037427)]
    // Equal means: t = 0, p = 1.
    [InlineData(5, 1, 6, 5, 2, 6, 1.0)]
    public void StudentTPValue_KnownDistributions_GiveTheirTails(double mean1, double sd1, int n1, double mean2, double sd2, int n2, double expected)
    {
        SegmentStatistics.StudentTPValue(mean1, sd1, n1, mean2, sd2, n2).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void StudentTPValue_ZeroVariance_IsZeroForDifferentMeansAndNaNForEqualOnes()
    {
        SegmentStatistics.StudentTPValue(1, 0, 5, 2, 0, 5).Should().Be(0);
        SegmentStatistics.StudentTPValue(1, 0, 5, 1, 0, 5).Should().Be(double.NaN);
        SegmentStatistics.StudentTPValue(1, 0, 1, 2, 0, 1).Should().Be(1, "two points leave no degrees of freedom");
    }

    [Fact]
    public void StudentTPValue_OtavaSignificanceTesterCases_Agree()
    {
        // Otava tests/analysis_test.py::test_significance_tester: the same five values twice give p ≈ 1; a drop to
        // about 0.8 after five values gives 0 < p < 0.001.
        double[] same = [1.00, 1.02, 1.05, 0.95, 0.98, 1.00, 1.02, 1.05, 0.95, 0.98];
        double[] drop = [1.00, 1.02, 1.05, 0.95, 0.98, 0.80, 0.82, 0.85, 0.79, 0.77];

        SegmentStatistics.Compare(same, 0, 5, 10).PValue.Should().BeInRange(0.99, 1.01);
        SegmentStatistics.Compare(drop, 0, 5, 10).PValue.Should().BeInRange(1e-300, 0.001);
    }
}
