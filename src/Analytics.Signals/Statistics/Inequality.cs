namespace Analytics.Signals.Statistics;

/// <summary>Measures of how unevenly a quantity (reviews, pages) is spread over people.</summary>
public static class Inequality
{
    /// <summary>
    /// The Gini coefficient: G = (2 Σᵢ i·x₍ᵢ₎) / (n Σ x) − (n + 1) / n with x sorted ascending and i from 1
    /// (signal-science.md §4). 0 when everyone carries the same load, (n − 1) / n when one person carries all of it.
    /// </summary>
    /// <returns>The coefficient, or null when there are no values or they sum to zero.</returns>
    /// <exception cref="ArgumentException">A value is negative.</exception>
    public static double? Gini(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Any(v => v < 0))
        {
            throw new ArgumentException("loads cannot be negative", nameof(values));
        }

        Array.Sort(sorted);
        var total = sorted.Sum();
        if (sorted.Length == 0 || total == 0)
        {
            return null;
        }

        var weighted = sorted.Select((x, i) => (i + 1) * x).Sum();
        var n = sorted.Length;
        return (2 * weighted / (n * total)) - ((n + 1.0) / n);
    }

    /// <summary>The largest value's share of the total, or null when the total is zero.</summary>
    public static double? TopShare(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        var total = list.Sum();
        return list.Count == 0 || total == 0 ? null : list.Max() / total;
    }
}
