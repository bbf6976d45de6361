using Analytics.Domain.Common;

namespace Analytics.Reports.Charts;

/// <summary>
/// A line chart over time: one or more named series, optional confidence bands, vertical markers (change points,
/// deployments) and a horizontal threshold. Equality is by value.
/// </summary>
/// <example>
/// <code>
/// var chart = new TimeSeriesChart("Lead time", "Median lead time per week; it fell after the 3 Mar change.",
///     ValueList.Of(new TimeSeries("p50", ValueList.Of(TimePoint.OnDate(d1, 7200), TimePoint.OnDate(d2, null)))))
/// {
///     ValueFormat = ValueFormat.Duration,
///     XAxis = TimeAxisKind.CalendarDates,
///     Markers = ValueList.Of(new ChartMarker(changeAt, "change")),
///     Threshold = new ThresholdLine(86400, "Goal"),
/// };
/// </code>
/// </example>
public sealed record TimeSeriesChart : ChartSpec
{
    /// <summary>Creates a time-series chart.</summary>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="series">The series, drawn in this order with the palette's colours in this order.</param>
    /// <exception cref="ArgumentException">The title or description is blank.</exception>
    public TimeSeriesChart(string title, string description, ValueList<TimeSeries> series)
        : base(title, description)
    {
        Series = series;
    }

    /// <summary>The series.</summary>
    public ValueList<TimeSeries> Series { get; }

    /// <summary>What the x values are. Defaults to <see cref="TimeAxisKind.Instants"/>.</summary>
    public TimeAxisKind XAxis { get; init; }

    /// <summary>Vertical markers; empty by default.</summary>
    public ValueList<ChartMarker> Markers { get; init; }

    /// <summary>A horizontal threshold or goal line; null (the default) for none.</summary>
    public ThresholdLine? Threshold { get; init; }

    /// <summary>Whether the value axis always includes zero. Defaults to true, so changes are not exaggerated.</summary>
    public bool IncludeZero { get; init; } = true;
}
