using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// A heatmap: a grid of rows × columns whose cells are shaded on a sequential, colour-blind-safe scale (light to dark
/// Okabe–Ito blue). Missing cells (null or non-finite) are hatched, so they never look like zero. Equality is by value.
/// </summary>
/// <example>
/// <code>
/// var chart = new Heatmap("Review load", "Reviews per person and week; Ana carries most.",
///     ValueList.Of("Ana", "Ben"), ValueList.Of("W10", "W11"),
///     ValueList.Of(ValueList.Of&lt;double?&gt;(9, 12), ValueList.Of&lt;double?&gt;(2, null)));
/// </code>
/// </example>
public sealed record Heatmap : ChartSpec
{
    /// <summary>Creates a heatmap.</summary>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="rows">The row labels, top to bottom.</param>
    /// <param name="columns">The column labels, left to right.</param>
    /// <param name="values">One list per row, each with one value per column; null (or non-finite) for a missing cell.</param>
    /// <exception cref="ArgumentException">
    /// The title or description is blank, there is not one value list per row, or a row does not have one value per column.
    /// </exception>
    public Heatmap(string title, string description, ValueList<string> rows, ValueList<string> columns, ValueList<ValueList<double?>> values)
        : base(title, description)
    {
        if (values.Count != rows.Count)
        {
            throw new ArgumentException($"the heatmap has {rows.Count} rows but {values.Count} value lists", nameof(values));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (values[r].Count != columns.Count)
            {
                throw new ArgumentException(
                    $"row '{rows[r]}' has {values[r].Count} values but the heatmap has {columns.Count} columns", nameof(values));
            }
        }

        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>The row labels, top to bottom.</summary>
    public ValueList<string> Rows { get; }

    /// <summary>The column labels, left to right.</summary>
    public ValueList<string> Columns { get; }

    /// <summary>The values, one list per row.</summary>
    public ValueList<ValueList<double?>> Values { get; }

    /// <summary>The value shown lightest; defaults to the smallest value present.</summary>
    public double? ScaleMin { get; init; }

    /// <summary>The value shown darkest; defaults to the largest value present.</summary>
    public double? ScaleMax { get; init; }

    /// <summary>Whether cells show their value as text when they are large enough for it. Defaults to true.</summary>
    public bool ShowValues { get; init; } = true;
}
