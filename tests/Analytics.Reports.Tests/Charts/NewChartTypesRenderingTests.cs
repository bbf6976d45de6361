using System.Globalization;
using System.Xml.Linq;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using Analytics.Testing.Images;

namespace Analytics.Reports.Tests.Charts;

public sealed class NewChartTypesRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartSize Size = new(400, 200);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static XElement Group(XElement root, string cls) =>
        root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == cls);

    // Rows A and B, columns W1..W3; B·W2 is missing. Scale 0..10 from the data.
    private static Heatmap ReviewLoad() => new(
        "Review load",
        "Reviews per person and week.",
        ValueList.Of("A", "B"),
        ValueList.Of("W1", "W2", "W3"),
        ValueList.Of(ValueList.Of<double?>(0, 5, 10), ValueList.Of<double?>(2, null, 8)));

    /// <summary>Relative luminance weights (ITU-R BT.709) on the sRGB bytes: enough to order a sequential scale.</summary>
    private static double Luma(string hex) =>
        (0.2126 * int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        + (0.7152 * int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        + (0.0722 * int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    [Fact]
    public void Render_Heatmap_CellsDarkenWithValueAndMissingIsHatched()
    {
        var root = Parse(SvgChartRenderer.Render(ReviewLoad(), Size));

        var cells = Group(root, "cells").Elements(Svg + "rect").ToList();
        cells.Should().HaveCount(6);
        var fills = cells.Where(c => c.Attribute("class")!.Value == "cell")
            .ToDictionary(c => c.Element(Svg + "title")!.Value, c => c.Attribute("fill")!.Value);

        // 0 → the lightest stop, 5 (t = 0.5) → Okabe–Ito blue, 10 → the darkest stop.
        fills["A · W1: 0"].Should().Be("#EEF5FB");
        fills["A · W2: 5"].Should().Be("#0072B2");
        fills["A · W3: 10"].Should().Be("#00263D");
        var byValue = new[] { "A · W1: 0", "B · W1: 2", "A · W2: 5", "B · W3: 8", "A · W3: 10" }.Select(k => Luma(fills[k]));
        byValue.Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();

        var missing = cells.Single(c => c.Attribute("class")!.Value == "cell missing");
        missing.Element(Svg + "title")!.Value.Should().Be("B · W2: no value");
        missing.Attribute("fill")!.Value.Should().StartWith("url(#").And.NotBe(fills["A · W1: 0"]);
        var patternId = missing.Attribute("fill")!.Value[5..^1];
        root.Descendants(Svg + "pattern").Single().Attribute("id")!.Value.Should().Be(patternId);
    }

    [Fact]
    public void Render_Heatmap_LegendLabelsAndCellValues()
    {
        // Row labels are one character: left margin max(6.2 + 12, 24) = 24, cells (384 − 24) / 3 = 120 × (172 − 44) / 2 = 64.
        var root = Parse(SvgChartRenderer.Render(ReviewLoad(), Size));

        root.Descendants(Svg + "text").Single(t => t.Attribute("class")?.Value == "legend-min").Value.Should().Be("0");
        root.Descendants(Svg + "text").Single(t => t.Attribute("class")?.Value == "legend-max").Value.Should().Be("10");
        Group(root, "cell-values").Elements().Select(e => e.Value).Should().Equal("0", "5", "10", "2", "8");
        Group(root, "y-labels").Elements().Select(e => e.Value).Should().Equal("A", "B");
        Group(root, "x-labels").Elements().Select(e => e.Value).Should().Equal("W1", "W2", "W3");
        Group(root, "cells").Elements().First().Attribute("width")!.Value.Should().Be("119");
    }

    [Theory]
    [InlineData(2, true, true)]
    [InlineData(3, true, false)]
    [InlineData(2, false, false)]
    public void Render_SmallHeatmap_ValueTextOnlyWhenCellsAreHighEnough(int rows, bool showValues, bool expected)
    {
        // At 160 × 100 the grid is 24..144 × 44..72: cells 40 wide, 28 / 2 = 14 high (text fits: "10" is 12.4 + 4 wide)
        // or 28 / 3 ≈ 9.3 high with three rows (under the 14 px minimum).
        var names = ValueList.From(Enumerable.Range(0, rows).Select(r => "R" + r));
        var values = ValueList.From(Enumerable.Range(0, rows).Select(r => ValueList.Of<double?>(r, 10, 5)));
        var chart = new Heatmap("t", "d", names, ValueList.Of("W1", "W2", "W3"), values) { ShowValues = showValues };

        var root = Parse(SvgChartRenderer.Render(chart, new ChartSize(160, 100)));

        root.Descendants(Svg + "g").Any(g => g.Attribute("class")?.Value == "cell-values").Should().Be(expected);
    }

    [Fact]
    public void Constructor_HeatmapRowOfWrongLength_Throws()
    {
        var act = () => new Heatmap("t", "d", ValueList.Of("A"), ValueList.Of("W1", "W2"), ValueList.Of(ValueList.Of<double?>(1)));

        act.Should().Throw<ArgumentException>().WithMessage("row 'A' has 1 values but the heatmap has 2 columns*");
    }

    [Fact]
    public void Render_DurationHistogram_BarsPerNonEmptyBinAndDurationTicks()
    {
        // Minutes 1 2 2 3 3 3 4 10 in seconds: the same bins as HistogramBinsTests scaled by 60 → 4 non-empty bins.
        // Tooltips use ChartValueFormatter's one decimal for minutes: 2.25 min is written 2.3 min.
        var minutes = new double[] { 1, 2, 2, 3, 3, 3, 4, 10 };
        var chart = new Histogram("PR cycle time", "Most PRs merge within 5 minutes.", ValueList.From(minutes.Select(m => m * 60)))
        {
            ValueFormat = ValueFormat.Duration,
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var bars = Group(root, "series").Elements(Svg + "rect").ToList();
        bars.Select(b => b.Element(Svg + "title")!.Value).Should().Equal(
            "[1 min, 2.3 min): 3", "[2.3 min, 3.5 min): 3", "[3.5 min, 4.8 min): 1", "[9.8 min, 11 min]: 1");
        // x span 60..660 s with at most 328 / 80 + 1 = 5 ticks: 2-min steps need 0..720 (7 ticks), 5-min steps 0..900 (4).
        Group(root, "x-labels").Elements().Select(e => e.Value).Should().Equal("0s", "5 min", "10 min", "15 min");
        Group(root, "y-labels").Elements().Select(e => e.Value).Should().Contain("0");
    }

    [Fact]
    public void Render_BoxPlot_BoxAtHandComputedPixels()
    {
        // Stats as in BoxStatisticsTests: Q1 3.25, median 5.5, Q3 7.75, whiskers 1..9, outlier 30.
        // Plot 56..384 × 36..172 (136 px); axis nice ticks over 1..30 → 0..30 (step 10): y(v) = 172 − v × 136 / 30.
        // Q3 → 136.87, Q1 → 157.27 (height 20.4); median → 147.07; outlier 30 → 36. One slot of 328, centre 220, box
        // half-width 328 × 0.5 / 2 = 82 → x 138, width 164.
        var chart = new BoxPlot(
            "Build time", "One slow build.", ValueList.Of(new BoxPlotGroup("api", ValueList.Of<double>(30, 9, 8, 7, 6, 5, 4, 3, 2, 1))));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var box = Group(root, "box");
        var rect = box.Element(Svg + "rect")!;
        (rect.Attribute("x")!.Value, rect.Attribute("y")!.Value, rect.Attribute("width")!.Value, rect.Attribute("height")!.Value)
            .Should().Be(("138", "136.87", "164", "20.4"));
        box.Elements(Svg + "line").Single(l => l.Attribute("class")!.Value == "median").Attribute("y1")!.Value.Should().Be("147.07");
        box.Elements(Svg + "circle").Select(c => c.Attribute("cy")!.Value).Should().Equal("36");
        box.Element(Svg + "title")!.Value.Should().Be("api: median 5.5, Q1 3.25, Q3 7.75, whiskers 1–9, n = 10");
    }

    [Fact]
    public void Render_DurationBoxPlot_EmptyGroupKeepsItsLabelAndAxisIsInDurations()
    {
        var chart = new BoxPlot(
            "CI duration",
            "Build is slower than test.",
            ValueList.Of(
                new BoxPlotGroup("build", ValueList.Of<double>(600, 900, 1200, 1500)),
                new BoxPlotGroup("test", ValueList<double>.Empty)))
        {
            ValueFormat = ValueFormat.Duration,
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        root.Descendants(Svg + "g").Count(g => g.Attribute("class")?.Value == "box").Should().Be(1);
        Group(root, "x-labels").Elements().Select(e => e.Value).Should().Equal("build", "test");
        Group(root, "y-labels").Elements().Select(e => e.Value).Should().Contain(l => l.EndsWith("min", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NewTypesWithoutData_NoDataPanel()
    {
        ChartSpec[] charts =
        [
            new Heatmap("h", "d", ValueList<string>.Empty, ValueList<string>.Empty, ValueList<ValueList<double?>>.Empty),
            new Histogram("h", "d", ValueList<double>.Empty),
            new BoxPlot("b", "d", ValueList<BoxPlotGroup>.Empty),
        ];

        foreach (var chart in charts)
        {
            Group(Parse(SvgChartRenderer.Render(chart, Size)), "no-data").Value.Should().Be("No data");
        }
    }

    [Fact]
    public void ToPng_Heatmap_DarkestCellDarkAndZeroCellLight()
    {
        // Cell A·W3 spans x 264..383, y 44..107; (270, 50) is clear of its centred value text. A·W1 spans x 24..143.
        var png = PngImage.Decode(SvgRasterizer.ToPng(SvgChartRenderer.Render(ReviewLoad(), Size)));

        png.Width.Should().Be(400);
        var dark = png.GetPixel(270, 50);
        (dark.R, dark.G, dark.B).Should().Be(((byte)0x00, (byte)0x26, (byte)0x3D));
        var light = png.GetPixel(30, 50);
        (light.R, light.G, light.B).Should().Be(((byte)0xEE, (byte)0xF5, (byte)0xFB));
        png.CountDistinctColors().Should().BeGreaterThan(10);
    }

    [Fact]
    public void ToPng_HistogramAndBoxPlot_NotBlank()
    {
        ChartSpec[] charts =
        [
            new Histogram("h", "d", ValueList.Of<double>(1, 2, 2, 3, 3, 3, 4, 10)),
            new BoxPlot("b", "d", ValueList.Of(new BoxPlotGroup("api", ValueList.Of<double>(1, 2, 3, 4, 30)))),
        ];

        foreach (var chart in charts)
        {
            var png = PngImage.Decode(SvgRasterizer.ToPng(SvgChartRenderer.Render(chart, Size)));
            png.CountPixels(p => p.B > 150 && p.R < 100).Should().BeGreaterThan(100, "the blue bars or box are drawn");
        }
    }
}
