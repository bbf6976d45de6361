namespace Analytics.Signals.Statistics;

/// <summary>
/// Percentile-bootstrap confidence intervals (Efron 1979): resample the observations with replacement
/// <see cref="Resamples"/> times, aggregate each resample, and take the 2.5th and 97.5th percentiles of those aggregates.
/// Seeded from the data, so the same observations always give the same interval. Google SRE's incident-metrics report
/// (signal-science.md §5) recommends exactly this: durations with intervals, changes flagged when intervals overlap.
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
        if (values.Count < MinimumObservations)
        {
            return null;
        }

        var random = new SeededDraws(Seed(values));
        var data = values.ToArray();
        var ranks = RanksOf(data);
        var counts = ranks is null ? [] : new int[data.Length];
        var rank = ranks?.Rank ?? [];
        var estimates = new double[Resamples];
        var sample = new double[data.Length];
        var drawn = new int[data.Length];
        for (var b = 0; b < Resamples; b++)
        {
            if (ranks is null || aggregator == Aggregator.Mean)
            {
                random.Fill(drawn, data.Length);
                for (var i = 0; i < sample.Length; i++)
                {
                    sample[i] = data[drawn[i]];
                }

                estimates[b] = Estimate(aggregator, sample);
                continue;
            }

            // The same draws, counted by the drawn value's rank: the resample sorted is each rank's value repeated its
            // count, so its quantile is read off the running counts (the two positions Quantile.OfSorted reads) without
            // writing the sorted resample out.
            Array.Clear(counts);
            random.Fill(drawn, data.Length);
            foreach (var index in drawn)
            {
                counts[rank[index]]++;
            }

            estimates[b] = QuantileOfCounts(counts, ranks.Sorted, QuantileOf(aggregator));
        }

        // Sorted once for both bounds; Quantile.Of would sort a copy for each.
        Array.Sort(estimates);
        return (Quantile.OfSorted(estimates, 0.025), Quantile.OfSorted(estimates, 0.975));
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
    /// <paramref name="aggregator"/> of one resample, exactly as <see cref="Aggregation.Apply"/> computes it, but sorting
    /// the resample in place for the quantiles (it is refilled for the next one) instead of allocating a sorted copy.
    /// </summary>
    private static double Estimate(Aggregator aggregator, double[] sample)
    {
        if (aggregator == Aggregator.Mean)
        {
            return aggregator.Apply(sample)!.Value;
        }

        Array.Sort(sample);
        return Quantile.OfSorted(sample, QuantileOf(aggregator));
    }

    /// <summary>
    /// <see cref="Quantile.OfSorted"/> of the array that holds <paramref name="sorted"/>[r] <paramref name="counts"/>[r]
    /// times for each rank r in order (counts summing to the array's length, the number of values): the same two elements
    /// and the same arithmetic, found by walking the counts.
    /// </summary>
    private static double QuantileOfCounts(int[] counts, double[] sorted, double p)
    {
        var position = (counts.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, counts.Length - 1);
        var r = 0;
        var seen = counts[0];
        while (seen <= lower)
        {
            seen += counts[++r];
        }

        var low = sorted[r];
        while (seen <= upper)
        {
            seen += counts[++r];
        }

        var high = sorted[r];
        return low + ((position - lower) * (high - low));
    }

    /// <summary>The quantile <see cref="Aggregation.Apply"/> takes for a quantile aggregator.</summary>
    private static double QuantileOf(Aggregator aggregator) => aggregator switch
    {
        Aggregator.P75 => 0.75,
        Aggregator.P90 => 0.9,
        _ => 0.5,
    };

    /// <summary>
    /// The values sorted, and each value's position among them, for the counting sort of resamples; null when a value is
    /// a negative zero or NaN, whose order against +0 or each other Array.Sort leaves to chance (then resamples are sorted).
    /// </summary>
    private static SortedRanks? RanksOf(double[] data)
    {
        if (data.Any(v => double.IsNaN(v) || (v == 0 && double.IsNegative(v))))
        {
            return null;
        }

        var sorted = (double[])data.Clone();
        var order = Enumerable.Range(0, data.Length).ToArray();
        Array.Sort(sorted, order);
        var rank = new int[data.Length];
        for (var position = 0; position < order.Length; position++)
        {
            rank[order[position]] = position;
        }

        return new SortedRanks(sorted, rank);
    }

    /// <summary>Values sorted ascending, and for each original index its position in <see cref="Sorted"/>.</summary>
    private sealed record SortedRanks(double[] Sorted, int[] Rank);

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
