using Analytics.Signals.Statistics;

namespace Analytics.Signals.ChangePoints;

/// <summary>
/// Finds change points in a series the way Apache Otava (formerly Hunter; Fleming et al., ICPE 2023) does: E-Divisive
/// (Matteson and James 2014) in sliding windows with a Student t-test instead of permutations (the split step, at a
/// relaxed p-value), then a merge step that removes the weakest change point until all are significant and large
/// enough. Deterministic and pure. O(n·w²) time for n points and window length w, O(n) memory. Definition:
/// <c>docs/signals/change-points.md</c>.
/// </summary>
public static class ChangePointDetector
{
    /// <summary>Finds the change points of a series without times; <see cref="ChangePoint.At"/> is null.</summary>
    /// <param name="values">The series, oldest first; NaN and infinities are not allowed.</param>
    /// <param name="options">How to look; <see cref="ChangePointOptions.Default"/> when null.</param>
    /// <returns>The change points, by index.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<double> values, ChangePointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Detect(values.ToArray(), null, options ?? ChangePointOptions.Default);
    }

    /// <summary>Finds the change points of a series with times; <see cref="ChangePoint.At"/> is the time of the first point after each.</summary>
    /// <param name="values">The observations, oldest first (they are not re-sorted).</param>
    /// <param name="options">How to look; <see cref="ChangePointOptions.Default"/> when null.</param>
    /// <returns>The change points, by index.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<TimedValue> values, ChangePointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Detect(values.Select(v => v.Value).ToArray(), values.Select(v => v.At).ToArray(), options ?? ChangePointOptions.Default);
    }

    /// <summary>
    /// Finds change points with the original E-Divisive and a seeded permutation test (MongoDB's implementation, Daly et
    /// al., ICPE 2020) instead of Otava's windows, t-test and merge. Distribution-free, but O(R·k·n²): for short series
    /// and for comparison; <see cref="ChangePoint.PValue"/> is the permutation p-value.
    /// </summary>
    /// <param name="values">The series, oldest first; NaN and infinities are not allowed.</param>
    /// <param name="options">How to test; <see cref="PermutationOptions.Default"/> when null.</param>
    /// <returns>The change points, by index.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static IReadOnlyList<ChangePoint> DetectWithPermutations(IReadOnlyList<double> values, PermutationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= PermutationOptions.Default;
        options.Validate();
        var series = Finite(values.ToArray());
        var found = PermutationEDivisive.Detect(series, options);
        var points = found.Select(f => f.Index).Order().ToList();
        return Describe(points, series, null)
            .Select(p => p with { PValue = found.First(f => f.Index == p.Index).PValue })
            .ToList();
    }

    private static List<ChangePoint> Detect(double[] values, DateTimeOffset[]? times, ChangePointOptions options)
    {
        options.Validate();
        var weak = Split(Finite(values), options);
        var kept = Merge(weak, values, options);
        return Describe(kept, values, times);
    }

    private static double[] Finite(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"value {i} is {values[i]}; change points need finite values", nameof(values));
            }
        }

        return values;
    }

    /// <summary>
    /// The split step: E-Divisive with a t-test at the relaxed p-value in windows of <see cref="ChangePointOptions.WindowLength"/>,
    /// each starting at the later of the last change point found and half a window on (Otava's <c>split</c>).
    /// </summary>
    internal static List<int> Split(double[] values, ChangePointOptions options)
    {
        var found = new SortedSet<int>();
        var step = options.WindowLength / 2;
        var start = 0;
        while (start < values.Length)
        {
            var end = Math.Min(start + options.WindowLength, values.Length);
            var inWindow = DivideWindow(values, start, end, options.FirstPassPValue, options.MinSegmentLength);
            found.UnionWith(inWindow);
            start = Math.Max(inWindow.Count > 0 ? inWindow[^1] : 0, start + step);
        }

        return found.ToList();
    }

    /// <summary>
    /// E-Divisive in <c>values[start..end)</c>: repeatedly split the segment holding the largest Q̂ at its best split, while
    /// the t-test between the two halves of that segment is significant; stop at the first that is not.
    /// </summary>
    private static List<int> DivideWindow(double[] values, int start, int end, double maxPValue, int minSegment)
    {
        var points = new List<int>();
        var candidates = new Dictionary<(int Start, int End), (int Tau, double QHat)?>();
        while (true)
        {
            (int Tau, double QHat, int Start, int End)? best = null;
            var from = start;
            foreach (var to in points.Append(end))
            {
                if (!candidates.TryGetValue((from, to), out var candidate))
                {
                    candidate = EnergyStatistic.BestSplit(values, from, to, minSegment);
                    candidates[(from, to)] = candidate;
                }

                if (candidate is { } c && (best is null || c.QHat > best.Value.QHat))
                {
                    best = (c.Tau, c.QHat, from, to);
                }

                from = to;
            }

            if (best is not { } split
                || !(SegmentStatistics.Compare(values, split.Start, split.Tau, split.End).PValue <= maxPValue))
            {
                return points;
            }

            points.Insert(~points.BinarySearch(split.Tau), split.Tau);
        }
    }

    /// <summary>
    /// The merge step (Otava's <c>merge</c>): while some change point has p ≥ the threshold, remove the one with the
    /// largest p; otherwise remove the one with the smallest magnitude if it is at most the minimum; after each removal
    /// recompute the statistics of the change points after the merged segment. With <see cref="ChangePointOptions.RecheckAfterMerge"/>,
    /// when every point passes, recompute them all from their final segments and go on while one fails, so no point is
    /// reported that its own figures reject.
    /// </summary>
    internal static List<int> Merge(List<int> points, double[] values, ChangePointOptions options)
    {
        var stats = points.Select((_, i) => StatisticsAt(points, i, values)).ToList();
        while (points.Count > 0)
        {
            var weakest = 0;
            for (var i = 1; i < stats.Count; i++)
            {
                if (stats[i].PValueOrOne > stats[weakest].PValueOrOne)
                {
                    weakest = i;
                }
            }

            if (stats[weakest].PValueOrOne < options.MaxPValue)
            {
                weakest = 0;
                for (var i = 1; i < stats.Count; i++)
                {
                    if (stats[i].Magnitude < stats[weakest].Magnitude)
                    {
                        weakest = i;
                    }
                }

                if (stats[weakest].Magnitude > options.MinMagnitude)
                {
                    // Otava stops here. Its recomputation leaves the left neighbour of each removed point with stale
                    // figures, so check every point against its final segments and go on merging while one fails.
                    if (!options.RecheckAfterMerge)
                    {
                        return points;
                    }

                    var fresh = points.Select((_, i) => StatisticsAt(points, i, values)).ToList();
                    if (fresh.TrueForAll(f => f.PValueOrOne < options.MaxPValue && f.Magnitude > options.MinMagnitude))
                    {
                        return points;
                    }

                    stats = fresh;
                    continue;
                }
            }

            points.RemoveAt(weakest);
            stats.RemoveAt(weakest);

            // Otava recomputes the point now at the removed position (the right neighbour, whose segment before grew)
            // and the one after it, not the left neighbour whose segment after grew. Kept as Otava does it: its test
            // expectations (the TigerBeetle series) depend on the order of removals it gives.
            foreach (var neighbour in new[] { weakest, weakest + 1 })
            {
                if (neighbour >= 0 && neighbour < points.Count)
                {
                    stats[neighbour] = StatisticsAt(points, neighbour, values);
                }
            }
        }

        return points;
    }

    private static SegmentStatistics StatisticsAt(List<int> points, int i, double[] values) =>
        SegmentStatistics.Compare(values, i == 0 ? 0 : points[i - 1], points[i], i == points.Count - 1 ? values.Length : points[i + 1]);

    private static List<ChangePoint> Describe(List<int> points, double[] values, DateTimeOffset[]? times)
    {
        var result = new List<ChangePoint>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var start = i == 0 ? 0 : points[i - 1];
            var end = i == points.Count - 1 ? values.Length : points[i + 1];
            var stats = SegmentStatistics.Compare(values, start, points[i], end);
            var before = values[start..points[i]];
            var after = values[points[i]..end];
            result.Add(new ChangePoint(
                points[i],
                times?[points[i]],
                stats.MeanBefore,
                stats.MeanAfter,
                Quantile.Median(before)!.Value,
                Quantile.Median(after)!.Value,
                stats.StdDevBefore,
                stats.StdDevAfter,
                before.Length,
                after.Length,
                stats.PValue));
        }

        return result;
    }
}
