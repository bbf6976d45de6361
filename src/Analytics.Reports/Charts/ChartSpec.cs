using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// What every chart specification has: a title, a text alternative and a value format. Specifications are immutable
/// values; render one with <see cref="SvgChartRenderer.Render(ChartSpec, ChartSize)"/>.
/// </summary>
public abstract record ChartSpec
{
    /// <summary>Sets the title and text alternative.</summary>
    /// <param name="title">The chart's title, shown above it and as the SVG <c>&lt;title&gt;</c>.</param>
    /// <param name="description">
    /// The text alternative (SVG <c>&lt;desc&gt;</c>) for readers who cannot see the chart: say what it shows and what
    /// stands out, for example "Lead time fell from 3 d to 1.5 d after the 3 Mar change point".
    /// </param>
    /// <exception cref="ArgumentException">The title or description is blank.</exception>
    protected ChartSpec(string title, string description)
    {
        Title = Guard.NotBlank(title);
        Description = Guard.NotBlank(description);
    }

    /// <summary>The chart's title; never blank.</summary>
    public string Title { get; }

    /// <summary>The text alternative; never blank.</summary>
    public string Description { get; }

    /// <summary>How values are written on the value axis. Defaults to <see cref="ValueFormat.Number"/>.</summary>
    public ValueFormat ValueFormat { get; init; }
}
