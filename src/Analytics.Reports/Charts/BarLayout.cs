namespace Analytics.Reports.Charts;

/// <summary>How a bar chart with several series places their bars within a category.</summary>
public enum BarLayout
{
    /// <summary>Side by side.</summary>
    Grouped = 0,

    /// <summary>On top of each other (negative values stack downwards from zero).</summary>
    Stacked = 1,
}
