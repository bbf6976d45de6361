using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>A named series of a <see cref="BarChart"/>: one value per category, null where there is none.</summary>
public sealed record BarSeries
{
    /// <summary>Creates a bar series.</summary>
    /// <param name="name">The name shown in the legend; not blank.</param>
    /// <param name="values">One value per category of the chart, in the same order; null (or non-finite) for no bar.</param>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public BarSeries(string name, ValueList<double?> values)
    {
        Name = Guard.NotBlank(name);
        Values = values;
    }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>One value per category; null for no bar.</summary>
    public ValueList<double?> Values { get; }
}
