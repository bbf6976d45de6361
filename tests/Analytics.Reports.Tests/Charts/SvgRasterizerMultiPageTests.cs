using System.Text;
using System.Text.RegularExpressions;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class SvgRasterizerMultiPageTests
{
    private static string Page(int width, int height, string text) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\"><text x=\"10\" y=\"20\" font-family=\"DejaVu Sans\">{text}</text></svg>";

    [Fact]
    public void ToMultiPagePdf_ThreePagesOfTwoSizes_OnePageEachInItsOwnSize()
    {
        var pdf = SvgRasterizer.ToMultiPagePdf([Page(400, 200, "one"), Page(800, 400, "two"), Page(400, 200, "three")]);

        var text = Encoding.Latin1.GetString(pdf);
        text.Should().StartWith("%PDF-");
        // 400 × 200 px → 300 × 150 pt; 800 × 400 px → 600 × 300 pt (72/96 pt per px).
        Regex.Matches(text, @"/MediaBox \[ 0 0 300 150 \]").Should().HaveCount(2);
        Regex.Matches(text, @"/MediaBox \[ 0 0 600 300 \]").Should().HaveCount(1);
        Regex.Match(text, @"/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)").Groups[1].Value.Should().Be("3");
    }

    [Fact]
    public void ToMultiPagePdf_NoPages_ArgumentException()
    {
        var act = () => SvgRasterizer.ToMultiPagePdf([]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToMultiPagePdf_SecondPageNotSvg_SaysWhy()
    {
        var act = () => SvgRasterizer.ToMultiPagePdf([Page(100, 100, "ok"), "<html>no"]);

        act.Should().Throw<SvgRasterizationException>().WithMessage("librsvg could not read the SVG*");
    }
}
