using Analytics.Domain.Common;
using Analytics.Signals.Statistics;

namespace Analytics.Reports.Charts;

/// <summary>
/// The bins of a <see cref="Histogram"/>: edges e₀ &lt; … &lt; eₖ and the count of values in each bin [eᵢ, eᵢ₊₁), the last
/// bin closed [eₖ₋₁, eₖ]. Equality is by value.
/// </summary>
/// <param name="Edges">The bin edges, ascending; one more than the counts.</param>
/// <param name="Counts">The number of values per bin.</param>
public sealed record HistogramBins(ValueList<double> Edges, ValueList<int> Counts)
{
    /// <summary>The most bins the automatic rule gives, so a long tail does not make hair-thin bars.</summary>
    public const int MaxAutomaticBins = 50;

    /// <summary>
    /// Bins <paramref name="values"/> (non-finite ones left out) with the given <paramref name="edges"/>, or when they are
    /// null with the Freedman–Diaconis rule: width h = 2 · IQR · n^(−1/3) (IQR by Hyndman–Fan type 7), bins from the
    /// minimum in steps of h until the maximum is covered. When the IQR is zero the rule falls back to Sturges'
    /// ⌈log₂ n⌉ + 1 equal bins over the range; when all values are equal there is one bin [v − 0.5, v + 0.5]. The bin
    /// count is capped at <see cref="MaxAutomaticBins"/> (bins widened to fit). No values gives no bins.
    /// </summary>
    /// <exception cref="ArgumentException">Given edges are fewer than two, not finite, or not strictly ascending.</exception>
    public static HistogramBins Compute(IEnumerable<double> values, IReadOnlyList<double>? edges = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = values.Where(double.IsFinite).Order().ToArray();
        var chosen = edges is null ? Automatic(data) : Checked(edges);
        var counts = new int[Math.Max(0, chosen.Count - 1)];
        foreach (var v in data)
        {
            if (chosen.Count < 2 || v < chosen[0] || v > chosen[^1])
            {
                continue;
            }

            // Upper bound search: the bin whose lower edge is the last one not above v; v on the top edge goes in the last bin.
            var bin = 0;
            while (bin < counts.Length - 1 && v >= chosen[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
        }

        return new HistogramBins(ValueList.From(chosen), ValueList.From(counts));
    }

    private static List<double> Checked(IReadOnlyList<double> edges)
    {
        if (edges.Count < 2)
        {
            throw new ArgumentException($"a histogram needs at least 2 edges, got {edges.Count}", nameof(edges));
        }

        for (var i = 0; i < edges.Count; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]))
            {
                throw new ArgumentException($"edge {i} ({edges[i]}) is not finite or not above the one before it", nameof(edges));
            }
        }

        return [.. edges];
    }

    private static List<double> Automatic(double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return [];
        }

        double min = sorted[0], max = sorted[^1];
        if (min == max)
        {
            return [min - 0.5, max + 0.5];
        }

        var iqr = Quantile.Of(sorted, 0.75)!.Value - Quantile.Of(sorted, 0.25)!.Value;
        int bins;
        double width;
        if (iqr > 0)
        {
            width = 2 * iqr / Math.Cbrt(sorted.Length);
            bins = Math.Max(1, (int)Math.Ceiling((max - min) / width));
        }
        else
        {
            bins = (int)Math.Ceiling(Math.Log2(sorted.Length)) + 1;
            width = (max - min) / bins;
        }

        if (bins > MaxAutomaticBins)
        {
            bins = MaxAutomaticBins;
            width = (max - min) / bins;
        }

        var result = new List<double>(bins + 1);
        for (var i = 0; i <= bins; i++)
        {
            result.Add(min + (i * width));
        }

        // Floating-point steps may fall a hair short of the maximum; the top edge must cover it.
        result[^1] = Math.Max(result[^1], max);
        return result;
    }
}
