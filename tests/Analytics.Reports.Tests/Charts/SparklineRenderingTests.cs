using System.Xml.Linq;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class SparklineRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    [Fact]
    public void Render_ValuesWithGap_LineDotsAndLastValueDot()
    {
        // 100 × 30 with 3 px padding: x = 3 + i × 94 / 3 → 3, 34.33, 65.67, 97; values 1..3 over 24 px:
        // y(1) = 3 + 24 = 27, y(3) = 3, y(2) = 3 + 12 = 15. Index 1 is missing, so index 0 is a lone dot.
        var spark = new Sparkline("Flaky rate", "Flaky rate, 4 weeks.", ValueList.Of<double?>(1, null, 3, 2));

        var root = Parse(SvgChartRenderer.Render(spark, new ChartSize(100, 30)));

        root.Descendants(Svg + "path").Single().Attribute("d")!.Value.Should().Be("M65.67 3 L97 15");
        var point = root.Descendants(Svg + "circle").Single(c => c.Attribute("class")!.Value == "point");
        (point.Attribute("cx")!.Value, point.Attribute("cy")!.Value).Should().Be(("3", "27"));
        var last = root.Descendants(Svg + "circle").Single(c => c.Attribute("class")!.Value == "last");
        (last.Attribute("cx")!.Value, last.Attribute("cy")!.Value).Should().Be(("97", "15"));
    }

    [Fact]
    public void Render_Sparkline_NoAxesAndNoVisibleText()
    {
        var spark = new Sparkline("Flaky rate", "Flaky rate, 4 weeks.", ValueList.Of<double?>(1, 2, 3));

        var root = Parse(SvgChartRenderer.Render(spark, ChartSize.SparklineCell));

        root.Descendants(Svg + "text").Should().BeEmpty();
        root.Descendants(Svg + "line").Should().BeEmpty();
        root.Element(Svg + "title")!.Value.Should().Be("Flaky rate");
        root.Attribute("role")!.Value.Should().Be("img");
    }

    [Fact]
    public void Render_TrailingNull_DotOnLastPresentValue()
    {
        // 100 × 30: x = 3 + i × 94 / 2 → 3, 50, 97; index 1 (value 5, the maximum) is the last present value → y 3.
        var spark = new Sparkline("s", "d", ValueList.Of<double?>(1, 5, null));

        var root = Parse(SvgChartRenderer.Render(spark, new ChartSize(100, 30)));

        var last = root.Descendants(Svg + "circle").Single(c => c.Attribute("class")!.Value == "last");
        (last.Attribute("cx")!.Value, last.Attribute("cy")!.Value).Should().Be(("50", "3"));
    }

    [Fact]
    public void Render_AllMissing_SaysNoData()
    {
        var spark = new Sparkline("s", "d", ValueList.Of<double?>(null, null));

        var root = Parse(SvgChartRenderer.Render(spark, ChartSize.SparklineCell));

        root.Descendants(Svg + "text").Single().Value.Should().Be("no data");
        root.Descendants(Svg + "path").Should().BeEmpty();
    }
}
