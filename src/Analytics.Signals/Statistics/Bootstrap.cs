namespace Analytics.Signals.Statistics;

/// <summary>
/// Percentile-bootstrap confidence intervals (Efron 1979): resample the observations with replacement
/// <see cref="Resamples"/> times, aggregate each resample, and take the 2.5th and 97.5th percentiles of those aggregates.
/// Seeded from the data, so the same observations always give the same interval. Google SRE's incident-metrics report
/// (signal-science.md §5) recommends exactly this: durations with intervals, changes flagged when intervals overlap.
/// A mean's resamples are drawn value by value; a quantile's statistic is drawn from the two order statistics it
/// interpolates (<see cref="ResampleOrderStatistics"/>): the same distribution as sorting a resample drawn value by
/// value, at a constant cost per resample instead of n draws, so the same data give the same interval but not the one
/// the draw-by-draw procedure's random stream would give.
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples per interval: enough for stable 95% percentile bounds at these sample sizes.</summary>
    public const int Resamples = 1_000;

    /// <summary>Fewer observations than this give no interval: a resample of one value is that value.</summary>
    public const int MinimumObservations = 3;

    /// <summary>The 95% interval of <paramref name="aggregator"/> over <paramref name="values"/>, or null with too few values.</summary>
    public static (double Low, double High)? Interval(IReadOnlyList<double> values, Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count < MinimumObservations ? null : Interval(values, aggregator, new Random(Seed(values)));
    }

    /// <summary><see cref="Interval(IReadOnlyList{double}, Aggregator)"/> with the random stream given (tests vary it).</summary>
    internal static (double Low, double High)? Interval(IReadOnlyList<double> values, Aggregator aggregator, Random random)
    {
        if (values.Count < MinimumObservations)
        {
            return null;
        }

        var estimates = aggregator == Aggregator.Mean ? MeanEstimates(values, random) : QuantileEstimates(values, QuantileOf(aggregator), random);

        // Sorted once for both bounds; Quantile.Of would sort a copy for each.
        Array.Sort(estimates);
        return (Quantile.OfSorted(estimates, 0.025), Quantile.OfSorted(estimates, 0.975));
    }

    /// <summary>
    /// The means of <see cref="Resamples"/> resamples, drawn value by value: a mean needs every draw, so the O(n) draws
    /// stay (and give the same intervals as before the quantiles were drawn by their order statistics).
    /// </summary>
    private static double[] MeanEstimates(IReadOnlyList<double> values, Random random)
    {
        var data = values.ToArray();
        var estimates = new double[Resamples];
        var sample = new double[data.Length];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = data[random.Next(data.Length)];
            }

            estimates[b] = Aggregator.Mean.Apply(sample)!.Value;
        }

        return estimates;
    }

    /// <summary>
    /// The <paramref name="p"/>-quantiles (type 7, as <see cref="Quantile.OfSorted"/>) of <see cref="Resamples"/>
    /// resamples. A resample's type-7 quantile depends only on two of its order statistics, the ⌊(n−1)p⌋-th and the next;
    /// <see cref="ResampleOrderStatistics"/> draws their positions among the sorted values directly, with the exact
    /// distribution they have in a resample drawn value by value, in constant time instead of n draws and a sort.
    /// </summary>
    private static double[] QuantileEstimates(IReadOnlyList<double> values, double p, Random random)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var order = new ResampleOrderStatistics(random, sorted.Length, lower);
        var estimates = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            var (low, high) = order.Next();

            // Quantile.OfSorted's interpolation, term for term, on the resample's two order statistics.
            estimates[b] = sorted[low] + ((position - lower) * (sorted[high] - sorted[low]));
        }

        return estimates;
    }

    /// <summary>
    /// Whether a change between two points is significant: both carry intervals and the intervals do not overlap.
    /// Null when either has no interval (too few observations to say).
    /// </summary>
    public static bool? Separated(Series.SeriesPoint before, Series.SeriesPoint after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!before.HasInterval || !after.HasInterval)
        {
            return null;
        }

        return after.Low > before.High || after.High < before.Low;
    }

    /// <summary>The quantile <see cref="Aggregation.Apply"/> takes for a quantile aggregator.</summary>
    private static double QuantileOf(Aggregator aggregator) => aggregator switch
    {
        Aggregator.P75 => 0.75,
        Aggregator.P90 => 0.9,
        _ => 0.5,
    };

    /// <summary>FNV-1a over the values' bits: stable across processes, unlike <see cref="HashCode"/>.</summary>
    private static int Seed(IReadOnlyList<double> values)
    {
        var hash = 2166136261u;
        foreach (var value in values)
        {
            var bits = BitConverter.DoubleToInt64Bits(value);
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ (uint)((bits >> shift) & 0xFF)) * 16777619u;
            }
        }

        return (int)hash;
    }
}
