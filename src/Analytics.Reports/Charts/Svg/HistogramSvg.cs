using System.Xml.Linq;
using Analytics.Reports.Charts.Axes;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// Draws a <see cref="Histogram"/>: one bar per bin spanning its edges on a value x axis (nice or duration ticks, as
/// <see cref="ChartSpec.ValueFormat"/> says), counts on the y axis from zero.
/// </summary>
internal static class HistogramSvg
{
    /// <summary>The pixels wanted per x tick label.</summary>
    public const double PixelsPerValueTick = 80;

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(Histogram chart, ChartSize size)
    {
        AxisFrame.RequireRoom(chart, size);
        var root = Root(chart, size);
        var plot = AxisFrame.Begin(root, chart.Title, size, []);
        var bins = HistogramBins.Compute(chart.Values, chart.Edges);
        if (bins.Counts.Count == 0 || bins.Counts.All(c => c == 0))
        {
            AxisFrame.AddNoData(root, plot);
            return root;
        }

        var counts = NiceNumbers.Ticks(0, bins.Counts.Max(), AxisFrame.DesiredValueTicks(plot));
        AxisFrame.AddValueAxis(root, plot, counts, ValueFormat.Number);
        var desired = Math.Max(2, (int)(plot.Width / PixelsPerValueTick));
        var xTicks = chart.ValueFormat == ValueFormat.Duration
            ? DurationTicks.Ticks(bins.Edges[0], bins.Edges[^1], desired + 1)
            : NiceNumbers.Ticks(bins.Edges[0], bins.Edges[^1], desired);
        double X(double v) => plot.Left + ((v - xTicks.Min) / (xTicks.Max - xTicks.Min) * plot.Width);
        double Y(double v) => plot.Y(v, counts.Min, counts.Max);

        var bars = El("g", new XAttribute("class", "series"), new XAttribute("fill", OkabeIto.ForSeries(0)));
        for (var i = 0; i < bins.Counts.Count; i++)
        {
            if (bins.Counts[i] == 0)
            {
                continue;
            }

            var (from, to) = (bins.Edges[i], bins.Edges[i + 1]);
            var closing = i == bins.Counts.Count - 1 ? "]" : ")";
            var tooltip = $"[{ChartValueFormatter.Format(from, chart.ValueFormat)}, {ChartValueFormatter.Format(to, chart.ValueFormat)}{closing}: "
                + bins.Counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture);

            // A white outline keeps neighbouring bars apart without shifting their edges.
            bars.Add(El(
                "rect",
                Attr("x", X(from)),
                Attr("y", Y(bins.Counts[i])),
                Attr("width", X(to) - X(from)),
                Attr("height", plot.Bottom - Y(bins.Counts[i])),
                new XAttribute("stroke", "#ffffff"),
                new XAttribute("stroke-width", "1"),
                El("title", Clean(tooltip))));
        }

        root.Add(bars);
        AxisFrame.AddBaseline(root, plot, counts);
        var maxAbs = Math.Max(Math.Abs(xTicks.Min), Math.Abs(xTicks.Max));
        var labels = El("g", new XAttribute("class", "x-labels"), new XAttribute("fill", AxisFrame.LabelColour));
        foreach (var value in xTicks.Values)
        {
            labels.Add(AxisFrame.XLabel(X(value), plot.Bottom + 16, ChartValueFormatter.Tick(value, xTicks.Step, maxAbs, chart.ValueFormat), size.Width));
        }

        root.Add(labels);
        return root;
    }
}
