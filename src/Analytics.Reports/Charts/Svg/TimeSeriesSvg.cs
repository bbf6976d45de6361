using System.Xml.Linq;
using Analytics.Reports.Charts.Axes;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>Draws a <see cref="TimeSeriesChart"/>: grid, bands, threshold, markers, lines, axes and legend.</summary>
internal static class TimeSeriesSvg
{
    /// <summary>The pixels each x label needs, which bounds how many time ticks fit.</summary>
    public const double PixelsPerTimeTick = 80;

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(TimeSeriesChart chart, ChartSize size)
    {
        AxisFrame.RequireRoom(chart, size);
        var root = Root(chart, size);
        var plot = AxisFrame.Begin(root, chart.Title, size, chart.Series.Select(s => s.Name).ToList());

        var values = chart.Series
            .SelectMany(s => s.Points.Where(p => IsPresent(p.Value)).Select(p => p.Value!.Value)
                .Concat(s.Band.SelectMany(b => new[] { b.Low, b.High })))
            .ToList();
        if (!chart.Series.Any(s => s.Points.Any(p => IsPresent(p.Value))))
        {
            AxisFrame.AddNoData(root, plot);
            return root;
        }

        if (chart.Threshold is { } threshold)
        {
            values.Add(threshold.Value);
        }

        if (chart.IncludeZero)
        {
            values.Add(0);
        }

        var ticks = AxisFrame.ValueTicks(values.Min(), values.Max(), chart.ValueFormat, plot);
        var times = chart.Series.SelectMany(s => s.Points.Select(p => p.At).Concat(s.Band.Select(b => b.At))).ToList();
        var (start, end) = TimeDomain(times.Min(), times.Max());
        double X(DateTimeOffset t) => plot.Left + ((t - start).Ticks / (double)(end - start).Ticks * plot.Width);
        double Y(double v) => plot.Y(v, ticks.Min, ticks.Max);

        AxisFrame.AddValueAxis(root, plot, ticks, chart.ValueFormat);
        AddTimeAxis(root, plot, size, start, end, chart.XAxis, X);
        AddBands(root, chart, X, Y);

        // Threshold and marker labels go on top of the data lines, so their white halo keeps them legible.
        var labels = El("g", new XAttribute("class", "annotations"), new XAttribute("font-size", "10"));
        if (chart.Threshold is { } line)
        {
            AddThreshold(root, labels, plot, line, chart.ValueFormat, Y(line.Value));
        }

        AddMarkers(root, labels, plot, chart.Markers, start, end, X);
        AxisFrame.AddBaseline(root, plot, ticks);
        AddLines(root, chart, X, Y);
        if (labels.HasElements)
        {
            root.Add(labels);
        }

        return root;
    }

    private static bool IsPresent(double? value) => value is { } v && double.IsFinite(v);

    /// <summary>The data's time span, widened by a day each side when it is a single instant.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) TimeDomain(DateTimeOffset first, DateTimeOffset last) =>
        first == last ? (first.AddDays(-1), last.AddDays(1)) : (first, last);

    private static void AddTimeAxis(
        XElement root, PlotArea plot, ChartSize size, DateTimeOffset start, DateTimeOffset end, TimeAxisKind kind, Func<DateTimeOffset, double> x)
    {
        var maxTicks = Math.Max(2, (int)(plot.Width / PixelsPerTimeTick));
        var ticks = TimeTicks.Choose(start, end, maxTicks, allowHours: kind == TimeAxisKind.Instants);
        var grid = El("g", new XAttribute("class", "grid"), new XAttribute("stroke", "#f0f0f0"), new XAttribute("stroke-width", "1"));
        var labels = El("g", new XAttribute("class", "x-labels"), new XAttribute("fill", AxisFrame.LabelColour));
        foreach (var tick in ticks.Ticks)
        {
            var at = x(tick.At);
            grid.Add(El("line", Attr("x1", at), Attr("y1", plot.Top), Attr("x2", at), Attr("y2", plot.Bottom)));
            labels.Add(AxisFrame.XLabel(at, plot.Bottom + 16, tick.Label, size.Width));
        }

        root.Add(grid, labels);
    }

    private static void AddBands(XElement root, TimeSeriesChart chart, Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var band = chart.Series[i].Band.OrderBy(b => b.At).ToList();
            if (band.Count < 2)
            {
                continue;
            }

            var edge = band.Select(b => (x(b.At), y(b.High)))
                .Concat(band.AsEnumerable().Reverse().Select(b => (x(b.At), y(b.Low))))
                .Select(p => ((double X, double Y)?)p);
            var (data, _) = LinePath.Build(edge);
            root.Add(El(
                "path",
                new XAttribute("class", "band"),
                new XAttribute("d", data + " Z"),
                new XAttribute("fill", OkabeIto.ForSeries(i)),
                new XAttribute("fill-opacity", "0.18"),
                new XAttribute("stroke", "none")));
        }
    }

    private static void AddThreshold(XElement root, XElement labels, PlotArea plot, ThresholdLine line, ValueFormat format, double y)
    {
        var label = $"{line.Label} ({ChartValueFormatter.Format(line.Value, format)})";
        var labelY = y - 4 < plot.Top + 10 ? y + 12 : y - 4;
        root.Add(El(
            "line",
            new XAttribute("class", "threshold"),
            Attr("x1", plot.Left),
            Attr("y1", y),
            Attr("x2", plot.Right),
            Attr("y2", y),
            new XAttribute("stroke", "#444444"),
            new XAttribute("stroke-width", "1.2"),
            new XAttribute("stroke-dasharray", "8 4")));
        labels.Add(Text(
            plot.Right - 4,
            labelY,
            Fit(label, plot.Width - 8, 10),
            new XAttribute("class", "threshold-label"),
            new XAttribute("text-anchor", "end"),
            new XAttribute("fill", "#444444"),
            Halo()));
    }

    private static void AddMarkers(
        XElement root, XElement labels, PlotArea plot, IEnumerable<ChartMarker> markers, DateTimeOffset start, DateTimeOffset end, Func<DateTimeOffset, double> x)
    {
        var shown = markers.Where(m => m.At >= start && m.At <= end).OrderBy(m => m.At).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var marker = shown[i];
            var (colour, dash, width) = marker.Kind switch
            {
                MarkerKind.Deployment => ("#777777", "2 3", "1"),
                MarkerKind.Event => ("#CC79A7", "1 2", "1.5"),
                _ => (OkabeIto.Black, "6 3", "1.5"),
            };
            var at = x(marker.At);
            var label = Fit(marker.Label, 120, 10);
            var rightOfLine = at + 3 + Width(label, 10) <= plot.Right;
            root.Add(El(
                "line",
                new XAttribute("class", "marker"),
                Attr("x1", at),
                Attr("y1", plot.Top),
                Attr("x2", at),
                Attr("y2", plot.Bottom),
                new XAttribute("stroke", colour),
                new XAttribute("stroke-width", width),
                new XAttribute("stroke-dasharray", dash)));
            labels.Add(Text(
                rightOfLine ? at + 3 : at - 3,
                plot.Top + 10 + (i % 2 * 12),
                label,
                new XAttribute("class", "marker-label"),
                new XAttribute("text-anchor", rightOfLine ? "start" : "end"),
                new XAttribute("fill", colour),
                Halo()));
        }
    }

    private static void AddLines(XElement root, TimeSeriesChart chart, Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var colour = OkabeIto.ForSeries(i);
            var points = chart.Series[i].Points
                .OrderBy(p => p.At)
                .Select(p => IsPresent(p.Value) ? (x(p.At), y(p.Value!.Value)) : ((double X, double Y)?)null);
            var (data, lone) = LinePath.Build(points);
            var group = El("g", new XAttribute("class", "series"), new XAttribute("fill", colour));
            if (data.Length > 0)
            {
                group.Add(El(
                    "path",
                    new XAttribute("class", "line"),
                    new XAttribute("d", data),
                    new XAttribute("fill", "none"),
                    new XAttribute("stroke", colour),
                    new XAttribute("stroke-width", "2"),
                    new XAttribute("stroke-linejoin", "round"),
                    new XAttribute("stroke-linecap", "round")));
            }

            foreach (var (px, py) in lone)
            {
                group.Add(El("circle", new XAttribute("class", "point"), Attr("cx", px), Attr("cy", py), new XAttribute("r", "2.5")));
            }

            root.Add(group);
        }
    }
}
