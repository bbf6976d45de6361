using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>One category of a <see cref="BoxPlot"/>: a name and its values.</summary>
public sealed record BoxPlotGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="name">The category label; not blank.</param>
    /// <param name="values">The values; non-finite values are left out.</param>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public BoxPlotGroup(string name, ValueList<double> values)
    {
        Name = Guard.NotBlank(name);
        Values = values;
    }

    /// <summary>The category label.</summary>
    public string Name { get; }

    /// <summary>The values.</summary>
    public ValueList<double> Values { get; }
}
