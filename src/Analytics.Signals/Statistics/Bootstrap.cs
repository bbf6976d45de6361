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
        return values.Count < MinimumObservations ? null : Interval(values, aggregator, Seed(values));
    }

    /// <summary><see cref="Interval(IReadOnlyList{double}, Aggregator)"/> with the seed given (tests vary it).</summary>
    internal static (double Low, double High)? Interval(IReadOnlyList<double> values, Aggregator aggregator, int seed)
    {
        if (values.Count < MinimumObservations)
        {
            return null;
        }

        var estimates = aggregator == Aggregator.Mean ? MeanEstimates(values, seed) : QuantileEstimates(values, QuantileOf(aggregator), seed);
        if (estimates.Any(double.IsNaN))
        {
            // Array.Sort puts NaN first, which the selection below does not know about.
            Array.Sort(estimates);
            return (Quantile.OfSorted(estimates, 0.025), Quantile.OfSorted(estimates, 0.975));
        }

        return (OfUnsorted(estimates, 0.025), OfUnsorted(estimates, 0.975));
    }

    /// <summary>
    /// The means of <see cref="Resamples"/> resamples, drawn value by value: a mean needs every draw, so the O(n) draws
    /// stay (and give the same intervals as before the quantiles were drawn by their order statistics).
    /// </summary>
    private static double[] MeanEstimates(IReadOnlyList<double> values, int seed)
    {
        var random = new Random(seed);
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
    private static double[] QuantileEstimates(IReadOnlyList<double> values, double p, int seed)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var order = new ResampleOrderStatistics(seed, sorted.Length, lower);
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

    /// <summary>
    /// <see cref="Quantile.OfSorted"/> of <paramref name="values"/> (no NaN) without sorting them: the two order statistics
    /// it interpolates are selected (the array is rearranged), a linear-time step where sorting the 1,000 estimates took
    /// as long as drawing them. The values at a rank are those a sort would put there, so the result is the same.
    /// </summary>
    private static double OfUnsorted(double[] values, double p)
    {
        var position = (values.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, values.Length - 1);
        Select(values, lower);
        var atLower = values[lower];
        var atUpper = atLower;
        if (upper != lower)
        {
            // Everything after the selected rank is at least its value; the next rank holds the smallest of them.
            atUpper = values[upper];
            for (var i = upper + 1; i < values.Length; i++)
            {
                atUpper = Math.Min(atUpper, values[i]);
            }
        }

        return atLower + ((position - lower) * (atUpper - atLower));
    }

    /// <summary>
    /// Rearranges <paramref name="values"/> so that <paramref name="rank"/> holds the value sorting would put there, with
    /// no greater value before it and no smaller after: Hoare's FIND (1961), partitioning around a median of three.
    /// </summary>
    private static void Select(double[] values, int rank)
    {
        var (left, right) = (0, values.Length - 1);
        while (left < right)
        {
            var (a, b, c) = (values[left], values[left + ((right - left) / 2)], values[right]);
            var pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now left…j hold no more than the pivot, i…right no less, and anything between them equals it.
            if (rank <= j)
            {
                right = j;
            }
            else if (rank >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
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
