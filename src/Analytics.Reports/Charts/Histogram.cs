using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// A histogram of values (for example PR cycle times in seconds with <see cref="ValueFormat.Duration"/>): counts per bin,
/// bins along the x axis. Bins come from <see cref="Edges"/> when given, otherwise from the Freedman–Diaconis rule
/// (see <see cref="HistogramBins"/>). Equality is by value.
/// </summary>
public sealed record Histogram : ChartSpec
{
    /// <summary>Creates a histogram.</summary>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="values">The values; non-finite values are left out.</param>
    /// <exception cref="ArgumentException">The title or description is blank.</exception>
    public Histogram(string title, string description, ValueList<double> values)
        : base(title, description)
    {
        Values = values;
    }

    /// <summary>The values.</summary>
    public ValueList<double> Values { get; }

    /// <summary>
    /// The bin edges, ascending, at least two; null (the default) to choose them with the Freedman–Diaconis rule. Values
    /// outside the edges are not counted.
    /// </summary>
    public ValueList<double>? Edges { get; init; }
}
