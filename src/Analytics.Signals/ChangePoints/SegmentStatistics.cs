using MathNet.Numerics;

namespace Analytics.Signals.ChangePoints;

/// <summary>The statistics of two adjacent segments that decide whether a change point between them is kept.</summary>
/// <param name="MeanBefore">The mean of the segment before.</param>
/// <param name="MeanAfter">The mean of the segment after.</param>
/// <param name="StdDevBefore">Its population standard deviation (divisor n).</param>
/// <param name="StdDevAfter">The segment after's population standard deviation.</param>
/// <param name="PValue">The two-sided t-test p-value; NaN when both segments are constant and equal.</param>
internal readonly record struct SegmentStatistics(double MeanBefore, double MeanAfter, double StdDevBefore, double StdDevAfter, double PValue)
{
    /// <summary>Otava's relative magnitude of a change between two means.</summary>
    public double Magnitude => RelativeMagnitude(MeanBefore, MeanAfter);

    /// <summary>The p-value for ordering and thresholds: NaN (no evidence either way) counts as 1.</summary>
    public double PValueOrOne => double.IsNaN(PValue) ? 1 : PValue;

    /// <summary>max(|after/before − 1|, |before/after − 1|), a ratio with a zero denominator counting as 0 (Otava's <c>change_magnitude</c>).</summary>
    public static double RelativeMagnitude(double before, double after)
    {
        var forward = before == 0 ? 0 : (after / before) - 1;
        var backward = after == 0 ? 0 : (before / after) - 1;
        return Math.Max(Math.Abs(forward), Math.Abs(backward));
    }

    /// <summary>Compares <c>values[start..split)</c> with <c>values[split..end)</c>.</summary>
    public static SegmentStatistics Compare(ReadOnlySpan<double> values, int start, int split, int end)
    {
        var left = values[start..split];
        var right = values[split..end];
        var (m1, s1) = MeanAndStdDev(left);
        var (m2, s2) = MeanAndStdDev(right);
        return new SegmentStatistics(m1, m2, s1, s2, StudentTPValue(m1, s1, left.Length, m2, s2, right.Length));
    }

    /// <summary>The mean and the population standard deviation, two-pass as NumPy computes them.</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, values.Length >= 2 ? Math.Sqrt(squares / values.Length) : 0);
    }

    /// <summary>
    /// The two-sided p-value of Student's t-test for two independent samples with equal variances, from summary
    /// statistics, as SciPy's <c>ttest_ind_from_stats(equal_var=True)</c>: pooled variance
    /// ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2), t = (m₁−m₂)/√(s²(1/n₁+1/n₂)), p = I_{ν/(ν+t²)}(ν/2, 1/2) with ν = n₁+n₂−2.
    /// The standard deviations are whatever the caller passes (Otava passes population ones). With no degrees of
    /// freedom the p-value is 1; with zero pooled variance it is 0 for different means and NaN for equal ones.
    /// </summary>
    public static double StudentTPValue(double mean1, double std1, int n1, double mean2, double std2, int n2)
    {
        var df = n1 + n2 - 2;
        if (df <= 0)
        {
            return 1;
        }

        var pooled = (((n1 - 1) * std1 * std1) + ((n2 - 1) * std2 * std2)) / df;
        var t = (mean1 - mean2) / Math.Sqrt(pooled * ((1.0 / n1) + (1.0 / n2)));
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        // The regularised incomplete beta gives the two tails directly, without the cancellation of 1 − CDF.
        return SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + (t * t)));
    }
}
