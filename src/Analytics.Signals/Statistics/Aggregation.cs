namespace Analytics.Signals.Statistics;

/// <summary>Applies an <see cref="Aggregator"/>.</summary>
public static class Aggregation
{
    /// <summary>The aggregate of <paramref name="values"/>, or null when there are none.</summary>
    public static double? Apply(this Aggregator aggregator, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return aggregator switch
        {
            Aggregator.Mean => values.Count == 0 ? null : values.Average(),
            Aggregator.P75 => Quantile.Of(values, 0.75),
            Aggregator.P90 => Quantile.Of(values, 0.9),
            _ => Quantile.Median(values),
        };
    }
}
