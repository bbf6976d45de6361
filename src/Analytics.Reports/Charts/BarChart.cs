using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>A bar chart: categories along the x axis, one or more series, grouped or stacked. Equality is by value.</summary>
/// <example>
/// <code>
/// var chart = new BarChart("Deployments per week", "Deployments per week by service.",
///     ValueList.Of("W10", "W11"),
///     ValueList.Of(new BarSeries("api", ValueList.Of&lt;double?&gt;(3, 4)), new BarSeries("web", ValueList.Of&lt;double?&gt;(1, null))))
/// {
///     Layout = BarLayout.Stacked,
/// };
/// </code>
/// </example>
public sealed record BarChart : ChartSpec
{
    /// <summary>Creates a bar chart.</summary>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="categories">The category labels, left to right.</param>
    /// <param name="series">The series; each has one value per category.</param>
    /// <exception cref="ArgumentException">
    /// The title or description is blank, or a series does not have one value per category.
    /// </exception>
    public BarChart(string title, string description, ValueList<string> categories, ValueList<BarSeries> series)
        : base(title, description)
    {
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException(
                    $"series '{s.Name}' has {s.Values.Count} values but the chart has {categories.Count} categories",
                    nameof(series));
            }
        }

        Categories = categories;
        Series = series;
    }

    /// <summary>The category labels, left to right.</summary>
    public ValueList<string> Categories { get; }

    /// <summary>The series.</summary>
    public ValueList<BarSeries> Series { get; }

    /// <summary>How several series share a category. Defaults to <see cref="BarLayout.Grouped"/>.</summary>
    public BarLayout Layout { get; init; }
}
