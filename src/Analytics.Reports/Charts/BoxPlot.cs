using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// Box plots side by side, one per category (for example CI duration per workflow): the box from the first to the third
/// quartile with the median, whiskers to the furthest values within 1.5 IQR of the box (Tukey), and points beyond them
/// as outliers. Quartiles are Hyndman–Fan type 7 (see <see cref="BoxStatistics"/>). Equality is by value.
/// </summary>
public sealed record BoxPlot : ChartSpec
{
    /// <summary>Creates a box plot.</summary>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="groups">The categories, left to right.</param>
    /// <exception cref="ArgumentException">The title or description is blank.</exception>
    public BoxPlot(string title, string description, ValueList<BoxPlotGroup> groups)
        : base(title, description)
    {
        Groups = groups;
    }

    /// <summary>The categories, left to right.</summary>
    public ValueList<BoxPlotGroup> Groups { get; }
}
