using Analytics.Reports.Charts.Svg;

namespace Analytics.Reports.Charts;

/// <summary>
/// Renders chart specifications as standalone SVG 1.1 documents: <c>xmlns</c>, <c>viewBox</c>, width and height,
/// <c>role="img"</c> with <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>, the Okabe–Ito palette and invariant-culture
/// numbers. The same specification and size always give the same string. The output has no XML declaration, so it can
/// be written to a <c>.svg</c> file or placed inline in HTML as it is.
/// </summary>
/// <example>
/// <code>
/// string svg = SvgChartRenderer.Render(chart, new ChartSize(640, 280));
/// </code>
/// </example>
public static class SvgChartRenderer
{
    /// <summary>Renders <paramref name="spec"/> at <paramref name="size"/>.</summary>
    /// <param name="spec">
    /// A <see cref="TimeSeriesChart"/>, <see cref="BarChart"/>, <see cref="Sparkline"/>, <see cref="Heatmap"/>,
    /// <see cref="Histogram"/> or <see cref="BoxPlot"/>.
    /// </param>
    /// <param name="size">
    /// The size in pixels. Charts with axes need at least 160 × 100; sparklines at least
    /// <see cref="ChartSize.Minimum"/> each way.
    /// </param>
    /// <returns>The SVG document, ending with a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is too small for the chart.</exception>
    /// <exception cref="ArgumentException"><paramref name="spec"/> is a chart type this renderer does not know.</exception>
    public static string Render(ChartSpec spec, ChartSize size)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (size.Width < ChartSize.Minimum || size.Height < ChartSize.Minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"must be at least {ChartSize.Minimum} × {ChartSize.Minimum} pixels");
        }

        var root = spec switch
        {
            TimeSeriesChart chart => TimeSeriesSvg.Build(chart, size),
            BarChart chart => BarChartSvg.Build(chart, size),
            Sparkline chart => SparklineSvg.Build(chart, size),
            Heatmap chart => HeatmapSvg.Build(chart, size),
            Histogram chart => HistogramSvg.Build(chart, size),
            BoxPlot chart => BoxPlotSvg.Build(chart, size),
            _ => throw new ArgumentException($"no SVG rendering for {spec.GetType().Name}", nameof(spec)),
        };
        return SvgDocument.Serialize(root);
    }
}
