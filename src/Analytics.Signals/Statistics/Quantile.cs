namespace Analytics.Signals.Statistics;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's definition 7, the default of R,
/// NumPy and spreadsheets' PERCENTILE.INC. For sorted values x₁ ≤ … ≤ xₙ the p-quantile is x at position h = (n − 1)p + 1,
/// interpolated between neighbours; the median of an even count is the mean of the two middle values.
/// </summary>
public static class Quantile
{
    /// <summary>The <paramref name="p"/>-quantile of <paramref name="values"/>, or null when there are none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public static double? Of(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile of values already sorted ascending (not empty): <see cref="Of"/> without the copy
    /// and the sort, for callers that sort a buffer of their own (the bootstrap's resamples).
    /// </summary>
    internal static double OfSorted(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>The median (the 0.5-quantile).</summary>
    public static double? Median(IEnumerable<double> values) => Of(values, 0.5);
}
