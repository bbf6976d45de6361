using Analytics.Domain.Common;
using Analytics.Signals.Statistics;

namespace Analytics.Reports.Charts;

/// <summary>
/// The five numbers a <see cref="BoxPlot"/> draws for one group, and its outliers. Equality is by value.
/// </summary>
/// <param name="Count">How many finite values there were.</param>
/// <param name="Q1">The first quartile (Hyndman–Fan type 7).</param>
/// <param name="Median">The median.</param>
/// <param name="Q3">The third quartile.</param>
/// <param name="WhiskerLow">The smallest value not below Q1 − 1.5 IQR.</param>
/// <param name="WhiskerHigh">The largest value not above Q3 + 1.5 IQR.</param>
/// <param name="Outliers">The values beyond the whiskers, ascending.</param>
public sealed record BoxStatistics(
    int Count, double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh, ValueList<double> Outliers)
{
    /// <summary>The statistics of <paramref name="values"/> (non-finite ones left out), or null when none are left.</summary>
    public static BoxStatistics? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var q1 = Quantile.Of(sorted, 0.25)!.Value;
        var median = Quantile.Of(sorted, 0.5)!.Value;
        var q3 = Quantile.Of(sorted, 0.75)!.Value;
        var fence = 1.5 * (q3 - q1);
        var inside = sorted.Where(v => v >= q1 - fence && v <= q3 + fence).ToArray();
        var outliers = sorted.Where(v => v < q1 - fence || v > q3 + fence);
        return new BoxStatistics(sorted.Length, q1, median, q3, inside[0], inside[^1], ValueList.From(outliers));
    }
}
