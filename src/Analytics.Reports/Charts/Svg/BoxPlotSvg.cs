using System.Xml.Linq;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// Draws a <see cref="BoxPlot"/>: per category a box from Q1 to Q3 with a median line, whiskers with caps, and outliers
/// as open circles; value axis (nice or duration ticks) on the left, category labels below.
/// </summary>
internal static class BoxPlotSvg
{
    /// <summary>The share of each category's slot the box fills.</summary>
    public const double BoxShare = 0.5;

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(BoxPlot chart, ChartSize size)
    {
        AxisFrame.RequireRoom(chart, size);
        var root = Root(chart, size);
        var plot = AxisFrame.Begin(root, chart.Title, size, []);
        var stats = chart.Groups.Select(g => BoxStatistics.Of(g.Values)).ToList();
        var drawn = stats.OfType<BoxStatistics>().ToList();
        if (drawn.Count == 0)
        {
            AxisFrame.AddNoData(root, plot);
            return root;
        }

        var low = drawn.Min(s => s.Outliers.Count > 0 ? Math.Min(s.Outliers[0], s.WhiskerLow) : s.WhiskerLow);
        var high = drawn.Max(s => s.Outliers.Count > 0 ? Math.Max(s.Outliers[^1], s.WhiskerHigh) : s.WhiskerHigh);
        if (chart.ValueFormat == ValueFormat.Duration)
        {
            // Durations read best against zero.
            low = Math.Min(low, 0);
        }

        var ticks = AxisFrame.ValueTicks(low, high, chart.ValueFormat, plot);
        double Y(double v) => plot.Y(v, ticks.Min, ticks.Max);
        AxisFrame.AddValueAxis(root, plot, ticks, chart.ValueFormat);
        AxisFrame.AddBaseline(root, plot, ticks);

        var slot = plot.Width / chart.Groups.Count;
        var colour = OkabeIto.ForSeries(0);
        var labels = El("g", new XAttribute("class", "x-labels"), new XAttribute("fill", AxisFrame.LabelColour));
        for (var i = 0; i < chart.Groups.Count; i++)
        {
            var centre = plot.Left + ((i + 0.5) * slot);
            labels.Add(AxisFrame.XLabel(centre, plot.Bottom + 16, Fit(chart.Groups[i].Name, slot - 4), size.Width));
            if (stats[i] is not { } s)
            {
                continue;
            }

            var half = slot * BoxShare / 2;
            string F(double v) => ChartValueFormatter.Format(v, chart.ValueFormat);
            var tooltip = $"{chart.Groups[i].Name}: median {F(s.Median)}, Q1 {F(s.Q1)}, Q3 {F(s.Q3)}, "
                + $"whiskers {F(s.WhiskerLow)}–{F(s.WhiskerHigh)}, n = {s.Count}";
            var box = El(
                "g",
                new XAttribute("class", "box"),
                new XAttribute("stroke", colour),
                new XAttribute("stroke-width", "1.5"),
                El("title", Clean(tooltip)),
                Line("whisker", centre, Y(s.WhiskerLow), centre, Y(s.Q1)),
                Line("whisker", centre, Y(s.Q3), centre, Y(s.WhiskerHigh)),
                Line("cap", centre - (half / 2), Y(s.WhiskerLow), centre + (half / 2), Y(s.WhiskerLow)),
                Line("cap", centre - (half / 2), Y(s.WhiskerHigh), centre + (half / 2), Y(s.WhiskerHigh)),
                El(
                    "rect",
                    new XAttribute("class", "quartiles"),
                    Attr("x", centre - half),
                    Attr("y", Y(s.Q3)),
                    Attr("width", 2 * half),
                    Attr("height", Y(s.Q1) - Y(s.Q3)),
                    new XAttribute("fill", colour),
                    new XAttribute("fill-opacity", "0.25")),
                El(
                    "line",
                    new XAttribute("class", "median"),
                    Attr("x1", centre - half),
                    Attr("y1", Y(s.Median)),
                    Attr("x2", centre + half),
                    Attr("y2", Y(s.Median)),
                    new XAttribute("stroke", OkabeIto.Black),
                    new XAttribute("stroke-width", "2")));
            foreach (var outlier in s.Outliers)
            {
                box.Add(El(
                    "circle",
                    new XAttribute("class", "outlier"),
                    Attr("cx", centre),
                    Attr("cy", Y(outlier)),
                    new XAttribute("r", "3"),
                    new XAttribute("fill", "none"),
                    El("title", Clean($"{chart.Groups[i].Name}: outlier {F(outlier)}"))));
            }

            root.Add(box);
        }

        root.Add(labels);
        return root;
    }

    private static XElement Line(string cls, double x1, double y1, double x2, double y2) => El(
        "line", new XAttribute("class", cls), Attr("x1", x1), Attr("y1", y1), Attr("x2", x2), Attr("y2", y2));
}
