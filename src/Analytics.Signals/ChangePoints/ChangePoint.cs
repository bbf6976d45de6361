namespace Analytics.Signals.ChangePoints;

/// <summary>
/// A change point: the series' level differs before and after <see cref="Index"/>. "Before" is the segment from the
/// previous change point (or the start) up to <see cref="Index"/>, "after" the segment from <see cref="Index"/> up to
/// the next change point (or the end). Equality is by value.
/// </summary>
/// <param name="Index">The first index of the new segment (Otava's convention).</param>
/// <param name="At">The time of the point at <see cref="Index"/>, the first after the change; null for a series without times.</param>
/// <param name="MeanBefore">The mean of the segment before.</param>
/// <param name="MeanAfter">The mean of the segment after.</param>
/// <param name="MedianBefore">The median of the segment before (Hyndman–Fan 7).</param>
/// <param name="MedianAfter">The median of the segment after.</param>
/// <param name="StdDevBefore">The population standard deviation (divisor n) of the segment before, as Otava computes it.</param>
/// <param name="StdDevAfter">The population standard deviation of the segment after.</param>
/// <param name="CountBefore">How many points the segment before has.</param>
/// <param name="CountAfter">How many points the segment after has.</param>
/// <param name="PValue">The two-sided Student t-test p-value of the two segments (equal variances).</param>
public sealed record ChangePoint(
    int Index,
    DateTimeOffset? At,
    double MeanBefore,
    double MeanAfter,
    double MedianBefore,
    double MedianAfter,
    double StdDevBefore,
    double StdDevAfter,
    int CountBefore,
    int CountAfter,
    double PValue)
{
    /// <summary>The relative change of the mean, after ÷ before − 1 (+0.40 is 40% higher); 0 when the mean before is 0.</summary>
    public double RelativeChange => MeanBefore == 0 ? 0 : (MeanAfter / MeanBefore) - 1;

    /// <summary>
    /// Otava's magnitude: max(|after/before − 1|, |before/after − 1|), so a halving and a doubling weigh the same (1.0).
    /// A ratio whose denominator is 0 counts as 0.
    /// </summary>
    public double Magnitude => SegmentStatistics.RelativeMagnitude(MeanBefore, MeanAfter);
}
