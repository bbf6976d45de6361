using System.Xml.Linq;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>
/// Draws a <see cref="Heatmap"/>: row labels on the left, column labels below, one shaded cell per value, hatched
/// cells for missing values, and a legend with the scale's minimum and maximum above the grid.
/// </summary>
/// <remarks>
/// Layout (pixels): the grid's top is at 44 (title, then the legend row at 24..36); its left is after the widest row
/// label (at most 30% of the width); it ends 16 from the right and 28 above the bottom, leaving room for column labels.
/// </remarks>
internal static class HeatmapSvg
{
    /// <summary>The grid's top edge.</summary>
    public const double GridTop = 44;

    /// <summary>The gap between cells, so neighbouring cells of equal colour stay apart.</summary>
    public const double Gap = 1;

    /// <summary>The legend's colour ramp width.</summary>
    public const double RampWidth = 100;

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(Heatmap chart, ChartSize size)
    {
        AxisFrame.RequireRoom(chart, size);
        var root = Root(chart, size);
        var id = root.Attribute("aria-labelledby")!.Value[..^"-title".Length];
        root.Add(Text(
            8,
            18,
            Fit(chart.Title, size.Width - 16, 13),
            new XAttribute("class", "chart-title"),
            new XAttribute("font-size", "13"),
            new XAttribute("font-weight", "bold"),
            new XAttribute("fill", "#222222")));

        var labelWidth = chart.Rows.Count == 0 ? 0 : chart.Rows.Max(r => Width(r));
        var left = Math.Min(Math.Max(labelWidth + 12, 24), size.Width * 0.3);
        var plot = new PlotArea(left, GridTop, size.Width - AxisFrame.MarginRight, size.Height - AxisFrame.MarginBottom);
        var present = chart.Values.SelectMany(r => r).Where(IsPresent).Select(v => v!.Value).ToList();
        if (chart.Rows.Count == 0 || chart.Columns.Count == 0 || present.Count == 0)
        {
            AxisFrame.AddNoData(root, plot);
            return root;
        }

        var min = chart.ScaleMin ?? present.Min();
        var max = chart.ScaleMax ?? present.Max();
        double T(double v) => max > min ? (v - min) / (max - min) : 0.5;
        var hasMissing = present.Count < chart.Rows.Count * chart.Columns.Count;
        var hatch = id + "-missing";
        if (hasMissing)
        {
            root.Add(El(
                "defs",
                El(
                    "pattern",
                    new XAttribute("id", hatch),
                    new XAttribute("patternUnits", "userSpaceOnUse"),
                    new XAttribute("width", "6"),
                    new XAttribute("height", "6"),
                    new XAttribute("patternTransform", "rotate(45)"),
                    El("rect", new XAttribute("width", "6"), new XAttribute("height", "6"), new XAttribute("fill", "#ffffff")),
                    El("line", new XAttribute("x1", "0"), new XAttribute("y1", "0"), new XAttribute("x2", "0"), new XAttribute("y2", "6"),
                        new XAttribute("stroke", "#AAAAAA"), new XAttribute("stroke-width", "2")))));
        }

        AddLegend(root, chart, plot, min, max, hasMissing ? hatch : null);
        var cellWidth = plot.Width / chart.Columns.Count;
        var cellHeight = plot.Height / chart.Rows.Count;
        var cells = El("g", new XAttribute("class", "cells"));
        var texts = El("g", new XAttribute("class", "cell-values"), new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "10"));
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            for (var c = 0; c < chart.Columns.Count; c++)
            {
                var x = plot.Left + (c * cellWidth);
                var y = plot.Top + (r * cellHeight);
                var where = chart.Rows[r] + " · " + chart.Columns[c] + ": ";
                var value = chart.Values[r][c];
                if (!IsPresent(value))
                {
                    cells.Add(Cell(x, y, cellWidth, cellHeight, "cell missing", $"url(#{hatch})", where + "no value"));
                    continue;
                }

                var v = value!.Value;
                var text = ChartValueFormatter.Format(v, chart.ValueFormat);
                cells.Add(Cell(x, y, cellWidth, cellHeight, "cell", SequentialScale.At(T(v)), where + text));
                if (chart.ShowValues && cellHeight >= 14 && Width(text, 10) + 4 <= cellWidth - Gap)
                {
                    texts.Add(Text(
                        x + (cellWidth / 2),
                        y + (cellHeight / 2) + 3.5,
                        text,
                        new XAttribute("fill", SequentialScale.NeedsLightText(T(v)) ? "#ffffff" : "#222222")));
                }
            }
        }

        root.Add(cells);
        if (texts.HasElements)
        {
            root.Add(texts);
        }

        var rowLabels = El("g", new XAttribute("class", "y-labels"), new XAttribute("fill", AxisFrame.LabelColour), new XAttribute("text-anchor", "end"));
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            rowLabels.Add(Text(plot.Left - 6, plot.Top + ((r + 0.5) * cellHeight) + 4, Fit(chart.Rows[r], plot.Left - 10)));
        }

        var columnLabels = El("g", new XAttribute("class", "x-labels"), new XAttribute("fill", AxisFrame.LabelColour));
        for (var c = 0; c < chart.Columns.Count; c++)
        {
            columnLabels.Add(AxisFrame.XLabel(
                plot.Left + ((c + 0.5) * cellWidth), plot.Bottom + 16, Fit(chart.Columns[c], cellWidth - 2), size.Width));
        }

        root.Add(rowLabels, columnLabels);
        return root;
    }

    private static bool IsPresent(double? value) => value is { } v && double.IsFinite(v);

    private static XElement Cell(double x, double y, double width, double height, string cls, string fill, string tooltip) => El(
        "rect",
        new XAttribute("class", cls),
        Attr("x", x),
        Attr("y", y),
        Attr("width", Math.Max(0, width - Gap)),
        Attr("height", Math.Max(0, height - Gap)),
        new XAttribute("fill", fill),
        El("title", Clean(tooltip)));

    /// <summary>The legend: min label, a colour ramp, max label and, when cells are missing, a hatched "no value" swatch.</summary>
    private static void AddLegend(XElement root, Heatmap chart, PlotArea plot, double min, double max, string? hatch)
    {
        var gradient = root.Attribute("aria-labelledby")!.Value[..^"-title".Length] + "-ramp";
        var stops = El("linearGradient", new XAttribute("id", gradient));
        for (var i = 0; i < SequentialScale.Stops.Count; i++)
        {
            stops.Add(El(
                "stop",
                Attr("offset", i / (double)(SequentialScale.Stops.Count - 1)),
                new XAttribute("stop-color", SequentialScale.Stops[i])));
        }

        var minText = ChartValueFormatter.Format(min, chart.ValueFormat);
        var maxText = ChartValueFormatter.Format(max, chart.ValueFormat);
        var x = plot.Left;
        var legend = El("g", new XAttribute("class", "legend"), new XAttribute("fill", "#333333"), new XAttribute("font-size", "10"));
        legend.Add(
            El("defs", stops),
            Text(x, 34, minText, new XAttribute("class", "legend-min")));
        x += Width(minText, 10) + 4;
        legend.Add(El(
            "rect",
            Attr("x", x),
            Attr("y", 25),
            Attr("width", RampWidth),
            Attr("height", 10),
            new XAttribute("fill", $"url(#{gradient})"),
            new XAttribute("stroke", "#cccccc")));
        x += RampWidth + 4;
        legend.Add(Text(x, 34, maxText, new XAttribute("class", "legend-max")));
        x += Width(maxText, 10) + 16;
        if (hatch is not null)
        {
            legend.Add(
                El("rect", Attr("x", x), Attr("y", 25), Attr("width", 14), Attr("height", 10), new XAttribute("fill", $"url(#{hatch})"), new XAttribute("stroke", "#cccccc")),
                Text(x + 18, 34, "no value"));
        }

        root.Add(legend);
    }
}
