using System.Xml.Linq;
using Analytics.Reports.Charts.Axes;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// The parts shared by charts with axes: the fixed margins, the visible title, the legend, the value axis with grid
/// lines and the "no data" panel.
/// </summary>
/// <remarks>
/// Layout (pixels): the plot starts 56 from the left and ends 16 from the right; its top is at 36, plus 16 per legend
/// row and 4 more when there is a legend; its bottom is 28 above the bottom edge, leaving room for the x tick labels.
/// </remarks>
internal static class AxisFrame
{
    /// <summary>Room for the value axis labels.</summary>
    public const double MarginLeft = 56;

    /// <summary>Room on the right for the last x label.</summary>
    public const double MarginRight = 16;

    /// <summary>Room under the plot for the x labels.</summary>
    public const double MarginBottom = 28;

    /// <summary>The plot's top when there is no legend.</summary>
    public const double TopWithoutLegend = 36;

    /// <summary>The height of one legend row.</summary>
    public const double LegendRowHeight = 16;

    /// <summary>The smallest width a chart with axes accepts.</summary>
    public const int MinWidth = 160;

    /// <summary>The smallest height a chart with axes accepts.</summary>
    public const int MinHeight = 100;

    /// <summary>Grey for labels and axis text.</summary>
    public const string LabelColour = "#555555";

    /// <summary>Throws when <paramref name="size"/> leaves no room for a plot.</summary>
    public static void RequireRoom(ChartSpec spec, ChartSize size)
    {
        if (size.Width < MinWidth || size.Height < MinHeight)
        {
            throw new ArgumentOutOfRangeException(
                nameof(size),
                size,
                $"a {spec.GetType().Name} needs at least {MinWidth} × {MinHeight} pixels");
        }
    }

    /// <summary>Adds the visible title, and the legend when there is more than one series; returns the plot area.</summary>
    public static PlotArea Begin(XElement root, string title, ChartSize size, IReadOnlyList<string> seriesNames)
    {
        var right = size.Width - MarginRight;
        root.Add(Text(
            8,
            18,
            Fit(title, size.Width - 16, 13),
            new XAttribute("class", "chart-title"),
            new XAttribute("font-size", "13"),
            new XAttribute("font-weight", "bold"),
            new XAttribute("fill", "#222222")));

        var rows = 0;
        if (seriesNames.Count > 1)
        {
            var legend = El("g", new XAttribute("class", "legend"));
            var x = MarginLeft;
            rows = 1;
            for (var i = 0; i < seriesNames.Count; i++)
            {
                var name = Fit(seriesNames[i], right - MarginLeft - 18);
                var itemWidth = 18 + Width(name) + 14;
                if (x > MarginLeft && x + itemWidth - 14 > right)
                {
                    x = MarginLeft;
                    rows++;
                }

                var baseline = 24 + (rows * LegendRowHeight);
                legend.Add(
                    El(
                        "line",
                        Attr("x1", x),
                        Attr("y1", baseline - 4),
                        Attr("x2", x + 14),
                        Attr("y2", baseline - 4),
                        new XAttribute("stroke", OkabeIto.ForSeries(i)),
                        new XAttribute("stroke-width", "3")),
                    Text(x + 18, baseline, name, new XAttribute("fill", "#333333")));
                x += itemWidth;
            }

            root.Add(legend);
        }

        var top = TopWithoutLegend + (rows > 0 ? (rows * LegendRowHeight) + 4 : 0);
        var bottom = size.Height - MarginBottom;
        return new PlotArea(MarginLeft, Math.Min(top, bottom - 20), right, bottom);
    }

    /// <summary>How many value ticks suit a plot of this height.</summary>
    public static int DesiredValueTicks(PlotArea plot) => plot.Height >= 120 ? 5 : 3;

    /// <summary>Chooses the value-axis ticks for data spanning <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static AxisTicks ValueTicks(double min, double max, ValueFormat format, PlotArea plot)
    {
        var desired = DesiredValueTicks(plot);
        return format == ValueFormat.Duration
            ? DurationTicks.Ticks(min, max, desired + 1)
            : NiceNumbers.Ticks(min, max, desired);
    }

    /// <summary>Adds horizontal grid lines and the value labels on the left.</summary>
    public static void AddValueAxis(XElement root, PlotArea plot, AxisTicks ticks, ValueFormat format)
    {
        var maxAbs = Math.Max(Math.Abs(ticks.Min), Math.Abs(ticks.Max));
        var grid = El("g", new XAttribute("class", "grid"), new XAttribute("stroke", "#e6e6e6"), new XAttribute("stroke-width", "1"));
        var labels = El("g", new XAttribute("class", "y-labels"), new XAttribute("fill", LabelColour), new XAttribute("text-anchor", "end"));
        foreach (var value in ticks.Values)
        {
            var y = plot.Y(value, ticks.Min, ticks.Max);
            grid.Add(El("line", Attr("x1", plot.Left), Attr("y1", y), Attr("x2", plot.Right), Attr("y2", y)));
            labels.Add(Text(plot.Left - 6, y + 4, ChartValueFormatter.Tick(value, ticks.Step, maxAbs, format)));
        }

        root.Add(grid, labels);
    }

    /// <summary>Adds the line at value zero, or at the bottom when zero is not on the axis.</summary>
    public static void AddBaseline(XElement root, PlotArea plot, AxisTicks ticks)
    {
        var y = ticks.Min <= 0 && ticks.Max >= 0 ? plot.Y(0, ticks.Min, ticks.Max) : plot.Bottom;
        root.Add(El(
            "line",
            new XAttribute("class", "axis"),
            Attr("x1", plot.Left),
            Attr("y1", y),
            Attr("x2", plot.Right),
            Attr("y2", y),
            new XAttribute("stroke", "#999999"),
            new XAttribute("stroke-width", "1")));
    }

    /// <summary>Adds a framed panel saying "No data".</summary>
    public static void AddNoData(XElement root, PlotArea plot)
    {
        root.Add(El(
            "g",
            new XAttribute("class", "no-data"),
            El(
                "rect",
                Attr("x", plot.Left),
                Attr("y", plot.Top),
                Attr("width", plot.Width),
                Attr("height", plot.Height),
                new XAttribute("fill", "#fafafa"),
                new XAttribute("stroke", "#dddddd"),
                new XAttribute("stroke-dasharray", "4 4")),
            Text(
                plot.Left + (plot.Width / 2),
                plot.Top + (plot.Height / 2) + 5,
                "No data",
                new XAttribute("text-anchor", "middle"),
                new XAttribute("font-size", "14"),
                new XAttribute("fill", "#777777"))));
    }

    /// <summary>An x label centred on <paramref name="x"/>, anchored to an edge instead when it would spill out of the chart.</summary>
    public static XElement XLabel(double x, double y, string label, double chartWidth)
    {
        var half = Width(label) / 2;
        var anchor = x + half > chartWidth - 2 ? "end" : x - half < 2 ? "start" : "middle";
        var at = anchor == "end" ? chartWidth - 2 : anchor == "start" ? 2 : x;
        return Text(at, y, label, new XAttribute("text-anchor", anchor));
    }
}
