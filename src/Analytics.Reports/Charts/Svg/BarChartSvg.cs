using System.Xml.Linq;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>Draws a <see cref="BarChart"/>: grouped or stacked bars, value axis from zero, category labels, legend.</summary>
internal static class BarChartSvg
{
    /// <summary>The share of each category's slot the bars fill; the rest is the gap between categories.</summary>
    public const double GroupShare = 0.7;

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(BarChart chart, ChartSize size)
    {
        AxisFrame.RequireRoom(chart, size);
        var root = Root(chart, size);
        var plot = AxisFrame.Begin(root, chart.Title, size, chart.Series.Select(s => s.Name).ToList());
        var categories = chart.Categories.Count;
        if (categories == 0 || !chart.Series.Any(s => s.Values.Any(IsPresent)))
        {
            AxisFrame.AddNoData(root, plot);
            return root;
        }

        var (low, high) = Extent(chart);
        var ticks = AxisFrame.ValueTicks(low, high, chart.ValueFormat, plot);
        double Y(double v) => plot.Y(v, ticks.Min, ticks.Max);
        AxisFrame.AddValueAxis(root, plot, ticks, chart.ValueFormat);

        var slot = plot.Width / categories;
        var group = slot * GroupShare;
        var stacked = chart.Layout == BarLayout.Stacked;
        var barWidth = stacked ? group : group / Math.Max(1, chart.Series.Count);
        var positive = new double[categories];
        var negative = new double[categories];
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var bars = El("g", new XAttribute("class", "series"), new XAttribute("fill", OkabeIto.ForSeries(s)));
            for (var c = 0; c < categories; c++)
            {
                if (series.Values[c] is not { } value || !double.IsFinite(value))
                {
                    continue;
                }

                var x = plot.Left + (c * slot) + ((slot - group) / 2) + (stacked ? 0 : s * barWidth);
                double from = 0;
                if (stacked)
                {
                    from = value >= 0 ? positive[c] : negative[c];
                    if (value >= 0)
                    {
                        positive[c] += value;
                    }
                    else
                    {
                        negative[c] += value;
                    }
                }

                var y1 = Y(from);
                var y2 = Y(from + value);
                var tooltip = (chart.Series.Count > 1 ? series.Name + " · " : string.Empty)
                    + chart.Categories[c] + ": " + ChartValueFormatter.Format(value, chart.ValueFormat);
                bars.Add(El(
                    "rect",
                    Attr("x", x),
                    Attr("y", Math.Min(y1, y2)),
                    Attr("width", barWidth),
                    Attr("height", Math.Abs(y2 - y1)),
                    El("title", Clean(tooltip))));
            }

            root.Add(bars);
        }

        AxisFrame.AddBaseline(root, plot, ticks);
        var labels = El("g", new XAttribute("class", "x-labels"), new XAttribute("fill", AxisFrame.LabelColour));
        for (var c = 0; c < categories; c++)
        {
            var centre = plot.Left + (c * slot) + (slot / 2);
            labels.Add(AxisFrame.XLabel(centre, plot.Bottom + 16, Fit(chart.Categories[c], slot - 4), size.Width));
        }

        root.Add(labels);
        return root;
    }

    private static bool IsPresent(double? value) => value is { } v && double.IsFinite(v);

    /// <summary>The lowest and highest bar ends, always including zero (stacked bars sum per category and sign).</summary>
    private static (double Low, double High) Extent(BarChart chart)
    {
        double low = 0, high = 0;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            double up = 0, down = 0;
            foreach (var series in chart.Series)
            {
                if (series.Values[c] is not { } v || !double.IsFinite(v))
                {
                    continue;
                }

                if (chart.Layout == BarLayout.Stacked)
                {
                    if (v >= 0)
                    {
                        up += v;
                    }
                    else
                    {
                        down += v;
                    }
                }
                else
                {
                    up = Math.Max(up, v);
                    down = Math.Min(down, v);
                }
            }

            high = Math.Max(high, up);
            low = Math.Min(low, down);
        }

        return (low, high);
    }
}
