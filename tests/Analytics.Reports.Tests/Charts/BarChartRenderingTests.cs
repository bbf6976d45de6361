using System.Xml.Linq;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class BarChartRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartSize Size = new(400, 200);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<(string X, string Y, string Width, string Height)> Rects(XElement root) =>
        root.Descendants(Svg + "rect")
            .Where(r => r.Parent!.Attribute("class")?.Value == "series")
            .Select(r => (r.Attribute("x")!.Value, r.Attribute("y")!.Value, r.Attribute("width")!.Value, r.Attribute("height")!.Value))
            .ToList();

    [Fact]
    public void Render_OneSeries_BarsAtHandComputedPixels()
    {
        // Plot 56..384 (328 px) × 36..172 (136 px); 2 categories → 164 px slots, bars 0.7 × 164 = 114.8 wide,
        // inset (164 − 114.8) / 2 = 24.6. Axis 0..100 (step 20): 50 → y 172 − 68 = 104, height 68; 100 → y 36, height 136.
        var chart = new BarChart(
            "Deploys", "Deploys per week.", ValueList.Of("W10", "W11"), ValueList.Of(new BarSeries("api", ValueList.Of<double?>(50, 100))));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        Rects(root).Should().Equal(("80.6", "104", "114.8", "68"), ("244.6", "36", "114.8", "136"));
        root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "x-labels")
            .Elements().Select(e => e.Value).Should().Equal("W10", "W11");
    }

    [Fact]
    public void Render_Stacked_SecondSeriesSitsOnTheFirst()
    {
        // Two series → legend, plot top 36 + 16 + 4 = 56, bottom 172, height 116 (< 120 → 3 ticks wanted).
        // Stacks: W10 = 1 + 3 = 4, W11 = 2 + 4 = 6; range nice(6) = 10, step nice(10 / 2 = 5, round) = 5 → axis 0..10,
        // 11.6 px per unit. W10: "a" 0..1 → y 172 − 11.6 = 160.4, height 11.6; "b" 1..4 → y 172 − 46.4 = 125.6, height 34.8.
        // x: slot 164, bar 114.8 wide at 56 + 24.6 = 80.6 for W10 and 244.6 for W11.
        // W11: "a" 0..2 → y 148.8, height 23.2; "b" 2..6 → y 172 − 69.6 = 102.4, height 46.4.
        var chart = new BarChart(
            "Deploys",
            "Deploys per week by service.",
            ValueList.Of("W10", "W11"),
            ValueList.Of(new BarSeries("a", ValueList.Of<double?>(1, 2)), new BarSeries("b", ValueList.Of<double?>(3, 4))))
        {
            Layout = BarLayout.Stacked,
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        Rects(root).Should().Equal(
            ("80.6", "160.4", "114.8", "11.6"),
            ("244.6", "148.8", "114.8", "23.2"),
            ("80.6", "125.6", "114.8", "34.8"),
            ("244.6", "102.4", "114.8", "46.4"));
    }

    [Fact]
    public void Render_Grouped_BarsSideBySide()
    {
        // Two series share each 114.8 px group: 57.4 px each; W10 "a" at 80.6, "b" at 80.6 + 57.4 = 138.
        var chart = new BarChart(
            "Deploys",
            "Deploys per week by service.",
            ValueList.Of("W10", "W11"),
            ValueList.Of(new BarSeries("a", ValueList.Of<double?>(1, null)), new BarSeries("b", ValueList.Of<double?>(3, 4))));

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        Rects(root).Select(r => (r.X, r.Width)).Should().Equal(("80.6", "57.4"), ("138", "57.4"), ("302", "57.4"));
    }

    [Fact]
    public void Render_BarTooltip_NamesSeriesCategoryAndFormattedValue()
    {
        var chart = new BarChart(
            "Pass rate",
            "Pass rate per team.",
            ValueList.Of("<core>"),
            ValueList.Of(new BarSeries("main", ValueList.Of<double?>(0.25)), new BarSeries("rc", ValueList.Of<double?>(0.5))))
        {
            ValueFormat = ValueFormat.Percentage,
        };

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        root.Descendants(Svg + "rect").Select(r => r.Element(Svg + "title")?.Value).OfType<string>()
            .Should().Equal("main · <core>: 25%", "rc · <core>: 50%");
    }

    [Fact]
    public void Render_NoCategories_NoDataPanel()
    {
        var chart = new BarChart("Deploys", "None yet.", ValueList<string>.Empty, ValueList<BarSeries>.Empty);

        var root = Parse(SvgChartRenderer.Render(chart, Size));

        root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "no-data").Value.Should().Be("No data");
    }

    [Fact]
    public void Constructor_SeriesLengthDiffersFromCategories_Throws()
    {
        var act = () => new BarChart(
            "Deploys", "d", ValueList.Of("W10", "W11"), ValueList.Of(new BarSeries("api", ValueList.Of<double?>(1))));

        act.Should().Throw<ArgumentException>().WithMessage("*'api' has 1 values but the chart has 2 categories*");
    }
}
