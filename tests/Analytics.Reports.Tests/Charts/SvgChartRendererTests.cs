using System.Text.RegularExpressions;
using System.Xml.Linq;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using static Analytics.Reports.Tests.Charts.ChartData;

namespace Analytics.Reports.Tests.Charts;

public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartSize Size = new(400, 200);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static IEnumerable<XElement> WithClass(XElement root, string name, string cls) =>
        root.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cls) == true);

    [Fact]
    public void Render_TimeSeries_IsStandaloneSvgWithTitleAndDesc()
    {
        var svg = SvgChartRenderer.Render(Chart(Series("p50", Day(0, 1), Day(1, 2))), Size);

        var root = Parse(svg);
        root.Name.Should().Be(Svg + "svg");
        root.Attribute("version")!.Value.Should().Be("1.1");
        root.Attribute("viewBox")!.Value.Should().Be("0 0 400 200");
        root.Attribute("width")!.Value.Should().Be("400");
        root.Attribute("height")!.Value.Should().Be("200");
        root.Attribute("role")!.Value.Should().Be("img");
        root.Element(Svg + "title")!.Value.Should().Be("Lead time");
        root.Element(Svg + "desc")!.Value.Should().Be("Median lead time per day.");
        root.Elements().First().Name.Should().Be(Svg + "title", "screen readers look for the title first");
    }

    [Fact]
    public void Render_TwoPointLine_MapsToHandComputedPixels()
    {
        // 400 × 200, one series (no legend): plot left 56, right 400 − 16 = 384, top 36, bottom 200 − 28 = 172.
        // Values 0 and 100 with zero included: Heckbert 0..100 in steps of 20, so 0 → y 172 and 100 → y 36.
        // 2 Mar → x 56 (start of the span), 9 Mar → x 384 (end of the span).
        var chart = Chart(Series("p50", Day(0, 0), Day(7, 100)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "path", "line").Single().Attribute("d")!.Value.Should().Be("M56 172 L384 36");
    }

    [Fact]
    public void Render_ThreePointLine_InteriorPointMapsToHandComputedPixels()
    {
        // Span 2..6 Mar = 4 days over 328 px, so 3 Mar is at 56 + 328 / 4 = 138.
        // Axis 0..100: 25 → 172 − 0.25 × 136 = 138; 60 → 172 − 0.6 × 136 = 90.4; 100 → 36.
        var chart = Chart(Series("p50", Day(0, 25), Day(1, 60), Day(4, 100)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "path", "line").Single().Attribute("d")!.Value.Should().Be("M56 138 L138 90.4 L384 36");
    }

    [Fact]
    public void Render_NullValue_SplitsThePathInsteadOfDroppingToZero()
    {
        // Days 0..4 over 328 px = 82 px per day; axis 0..40 (range nice(40) = 50, step nice(12.5) = 10) → 3.4 px per unit.
        // 10 → 172 − 34 = 138; 20 → 104; 30 → 70; 40 → 36. Day 2 is missing, so two sub-paths.
        var chart = Chart(Series("p50", Day(0, 10), Day(1, 20), Day(2, null), Day(3, 30), Day(4, 40)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var d = WithClass(root, "path", "line").Single().Attribute("d")!.Value;
        d.Should().Be("M56 138 L138 104 M302 70 L384 36");
        d.Should().NotContain(" 172", "no point may fall to the zero line");
    }

    [Fact]
    public void Render_LonePointBetweenGaps_DrawnAsDot()
    {
        // Day 2 stands alone between two gaps: x = 56 + 2 × 82 = 220; axis 0..50 (step 10), 30 → 172 − 0.6 × 136 = 90.4.
        var chart = Chart(Series("p50", Day(0, 10), Day(1, null), Day(2, 30), Day(3, null), Day(4, 50)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var dots = WithClass(root, "circle", "point").Select(c => (c.Attribute("cx")!.Value, c.Attribute("cy")!.Value));
        // 10 → 172 − 0.2 × 136 = 144.8 at x 56; 50 → 36 at x 384.
        dots.Should().Equal(("56", "144.8"), ("220", "90.4"), ("384", "36"));
        WithClass(root, "path", "line").Should().BeEmpty();
    }

    [Fact]
    public void Render_TitleWithMarkup_IsEscaped()
    {
        var chart = new TimeSeriesChart("A<B & C>D", "x < y & \"z\"", ValueList.Of(Series("s<1>", Day(0, 1), Day(1, 2))));

        var svg = SvgChartRenderer.Render(chart, Size);

        svg.Should().Contain("A&lt;B &amp; C&gt;D");
        var root = Parse(svg);
        root.Element(Svg + "title")!.Value.Should().Be("A<B & C>D");
        root.Element(Svg + "desc")!.Value.Should().Be("x < y & \"z\"");
    }

    [Fact]
    public void Render_ControlCharacterInTitle_DroppedSoTheXmlStaysValid()
    {
        var chart = new TimeSeriesChart("Bell\u0007", "desc", ValueList.Of(Series("s", Day(0, 1))));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        root.Element(Svg + "title")!.Value.Should().Be("Bell");
    }

    [Fact]
    public void Render_SameSpecTwice_SameBytes()
    {
        TimeSeriesChart Build() => Chart(
            Series("p50", Day(0, 1.5), Day(1, null), Day(2, 2.25)),
            Series("p90", Day(0, 3), Day(1, 4), Day(2, 5))) with
        {
            Markers = ValueList.Of(new ChartMarker(Day(1, null).At, "v2.3", MarkerKind.Deployment)),
            Threshold = new ThresholdLine(4, "Goal"),
        };

        SvgChartRenderer.Render(Build(), Size).Should().Be(SvgChartRenderer.Render(Build(), Size));
    }

    [Fact]
    public void Render_FractionalValues_NoCommaDecimals()
    {
        var chart = Chart(Series("p50", Day(0, 1.5), Day(1, 2.25), Day(3, 0.125))) with { ValueFormat = ValueFormat.Percentage };

        var svg = SvgChartRenderer.Render(chart, Size);

        Regex.IsMatch(svg, @"\d,\d").Should().BeFalse("numbers are written in the invariant culture: {0}", svg);
    }

    [Fact]
    public void Render_PercentageAxis_LabelsArePercentages()
    {
        // 0..0.97 with zero: step nice(nice(0.97) / 4 = 0.25, round) = 0.2 → 0, 0.2, …, 1.
        var chart = Chart(Series("rate", Day(0, 0.1), Day(1, 0.97))) with { ValueFormat = ValueFormat.Percentage };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "g", "y-labels").Single().Elements().Select(e => e.Value)
            .Should().Equal("0%", "20%", "40%", "60%", "80%", "100%");
    }

    [Fact]
    public void Render_DurationAxis_LabelsAtHumanSteps()
    {
        // 0..97 s, 6 ticks at most (5 wanted + 1): 30 s steps → 0, 30, 60, 90, 120 s.
        var chart = Chart(Series("build", Day(0, 12), Day(1, 97))) with { ValueFormat = ValueFormat.Duration };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "g", "y-labels").Single().Elements().Select(e => e.Value)
            .Should().Equal("0s", "30s", "1 min", "1.5 min", "2 min");
    }

    [Fact]
    public void Render_TimeAxis_LabelsDays()
    {
        // 2..9 Mar, 328 / 80 = 4 ticks at most: days give 8; two-day steps fall on even day numbers, and 2 Mar 2026 is
        // day number 739676 (days since 1 Jan 0001), which is even, so 2, 4, 6, 8 Mar = 4 ticks.
        var chart = Chart(Series("p50", Day(0, 1), Day(7, 2)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "g", "x-labels").Single().Elements().Select(e => e.Value)
            .Should().Equal("2 Mar", "4 Mar", "6 Mar", "8 Mar");
    }

    [Fact]
    public void Render_OneSeries_NoLegend()
    {
        var root = Parse(SvgChartRenderer.Render(Chart(Series("p50", Day(0, 1), Day(1, 2))), Size));

        WithClass(root, "g", "legend").Should().BeEmpty();
    }

    [Fact]
    public void Render_TwoSeries_LegendNamesBothInPaletteOrder()
    {
        var chart = Chart(Series("p50", Day(0, 1), Day(1, 2)), Series("p90", Day(0, 3), Day(1, 4)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var legend = WithClass(root, "g", "legend").Single();
        legend.Elements(Svg + "text").Select(t => t.Value).Should().Equal("p50", "p90");
        legend.Elements(Svg + "line").Select(l => l.Attribute("stroke")!.Value).Should().Equal("#0072B2", "#E69F00");
    }

    [Fact]
    public void Render_Band_TranslucentClosedArea()
    {
        // Axis 0..10 (range nice(10) = 10, step nice(2.5, round) = 2): 8 → 172 − 0.8 × 136 = 63.2, 2 → 144.8,
        // 10 → 36, 4 → 117.6. Outline: highs left to right, then lows right to left, then close.
        var series = new TimeSeries(
            "p50",
            ValueList.Of(Day(0, 5), Day(1, 6)),
            ValueList.Of(BandPoint.OnDate(Monday, 2, 8), BandPoint.OnDate(Monday.AddDays(1), 4, 10)));

        var root = Parse(SvgChartRenderer.Render(Chart(series), Size));

        var band = WithClass(root, "path", "band").Single();
        band.Attribute("d")!.Value.Should().Be("M56 63.2 L384 36 L384 117.6 L56 144.8 Z");
        band.Attribute("fill-opacity")!.Value.Should().Be("0.18");
    }

    [Fact]
    public void Render_Marker_DashedVerticalLineWithLabel()
    {
        // 4 Mar in the 2..6 Mar span: x = 56 + 328 / 2 = 220, from the plot top 36 to bottom 172.
        var chart = Chart(Series("p50", Day(0, 1), Day(4, 2))) with
        {
            Markers = ValueList.Of(
                new ChartMarker(Day(2, null).At, "change"),
                new ChartMarker(Day(9, null).At, "outside")),
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var line = WithClass(root, "line", "marker").Single();
        (line.Attribute("x1")!.Value, line.Attribute("y1")!.Value, line.Attribute("y2")!.Value).Should().Be(("220", "36", "172"));
        line.Attribute("stroke-dasharray").Should().NotBeNull();
        WithClass(root, "text", "marker-label").Single().Value.Should().Be("change");
    }

    [Fact]
    public void Render_MarkerAndThresholdLabels_DrawnAfterTheDataLines()
    {
        var chart = Chart(Series("p50", Day(0, 10), Day(4, 90))) with
        {
            Markers = ValueList.Of(new ChartMarker(Day(2, null).At, "change")),
            Threshold = new ThresholdLine(75, "Goal"),
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        var order = root.Elements().Select(e => (string?)e.Attribute("class")).ToList();
        order.IndexOf("annotations").Should().BeGreaterThan(order.IndexOf("series"));
        order.IndexOf("marker").Should().BeLessThan(order.IndexOf("series"), "the dashed line goes under the data");
    }

    [Fact]
    public void Render_Threshold_DashedHorizontalLineAtValueWithLabel()
    {
        // Axis 0..100 (step 20): 75 → 172 − 0.75 × 136 = 70.
        var chart = Chart(Series("p50", Day(0, 10), Day(1, 90))) with { Threshold = new ThresholdLine(75, "Goal") };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "line", "threshold").Single().Attribute("y1")!.Value.Should().Be("70");
        WithClass(root, "text", "threshold-label").Single().Value.Should().Be("Goal (75)");
    }

    [Fact]
    public void Render_NoPoints_NoDataPanel()
    {
        var chart = Chart(Series("p50", Day(0, null), Day(1, double.NaN)));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "g", "no-data").Single().Value.Should().Be("No data");
        WithClass(root, "path", "line").Should().BeEmpty();
        root.Element(Svg + "desc")!.Value.Should().Be("Median lead time per day.");
    }

    [Fact]
    public void Render_NoSeries_NoDataPanel()
    {
        var chart = new TimeSeriesChart("Empty", "Nothing yet.", ValueList<TimeSeries>.Empty);

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        WithClass(root, "g", "no-data").Should().ContainSingle();
    }

    [Fact]
    public void Render_AxisChartTooSmall_Throws()
    {
        var act = () => SvgChartRenderer.Render(Chart(Series("p50", Day(0, 1))), new ChartSize(100, 60));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("size");
    }

    [Fact]
    public void Render_DefaultSize_Throws()
    {
        var act = () => SvgChartRenderer.Render(Chart(Series("p50", Day(0, 1))), default);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("size");
    }
}
