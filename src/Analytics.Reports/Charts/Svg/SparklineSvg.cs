using System.Xml.Linq;
using static Analytics.Reports.Charts.Svg.SvgDocument;

namespace Analytics.Reports.Charts.Svg;

/// <summary>Draws a <see cref="Sparkline"/>: a thin line over evenly spaced values and a dot on the last value; no text.</summary>
internal static class SparklineSvg
{
    /// <summary>The inset on every side, so the last-value dot is not cut off.</summary>
    public const double Padding = 3;

    /// <summary>The line and dot colour.</summary>
    public const string Colour = "#0072B2";

    /// <summary>Builds the SVG element tree.</summary>
    public static XElement Build(Sparkline chart, ChartSize size)
    {
        var root = Root(chart, size);
        var values = chart.Values;
        var present = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            root.Add(Text(
                size.Width / 2.0,
                (size.Height / 2.0) + 3,
                "no data",
                new XAttribute("class", "no-data"),
                new XAttribute("text-anchor", "middle"),
                new XAttribute("font-size", "9"),
                new XAttribute("fill", "#777777")));
            return root;
        }

        var (min, max) = (present.Min(), present.Max());
        var width = size.Width - (2 * Padding);
        var height = size.Height - (2 * Padding);
        double X(int i) => Padding + (values.Count == 1 ? width / 2 : i * width / (values.Count - 1));
        double Y(double v) => min == max ? size.Height / 2.0 : Padding + ((max - v) / (max - min) * height);

        var points = values.Select((v, i) => v is { } x && double.IsFinite(x) ? (X(i), Y(x)) : ((double X, double Y)?)null);
        var (data, lone) = LinePath.Build(points);
        if (data.Length > 0)
        {
            root.Add(El(
                "path",
                new XAttribute("class", "line"),
                new XAttribute("d", data),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", Colour),
                new XAttribute("stroke-width", "1.5"),
                new XAttribute("stroke-linejoin", "round"),
                new XAttribute("stroke-linecap", "round")));
        }

        foreach (var (px, py) in lone)
        {
            root.Add(El("circle", new XAttribute("class", "point"), Attr("cx", px), Attr("cy", py), new XAttribute("r", "1.2"), new XAttribute("fill", Colour)));
        }

        var last = values.Count - 1;
        while (values[last] is not { } lastValue || !double.IsFinite(lastValue))
        {
            last--;
        }

        root.Add(El(
            "circle",
            new XAttribute("class", "last"),
            Attr("cx", X(last)),
            Attr("cy", Y(values[last]!.Value)),
            new XAttribute("r", "2.5"),
            new XAttribute("fill", Colour),
            El("title", Clean(ChartValueFormatter.Format(values[last]!.Value, chart.ValueFormat)))));
        return root;
    }
}
