using System.Buffers.Binary;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using static Analytics.Reports.Tests.Charts.ChartData;

namespace Analytics.Reports.Tests.Charts;

public sealed class SvgRasterizerTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string ChartSvg(ChartSize size) => SvgChartRenderer.Render(
        Chart(Series("p50", Day(0, 1), Day(1, null), Day(2, 3), Day(3, 2.5)), Series("p90", Day(0, 4), Day(3, 6))) with
        {
            Markers = ValueList.Of(new ChartMarker(Day(1, null).At, "deploy", MarkerKind.Deployment)),
            Threshold = new ThresholdLine(5, "Goal"),
        },
        size);

    /// <summary>The width and height from the IHDR chunk, which follows the 8-byte signature, 4-byte length and "IHDR".</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal(PngSignature);
        Encoding.ASCII.GetString(png, 12, 4).Should().Be("IHDR");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void ToPng_Chart_ImageHasTheSvgSize()
    {
        var png = SvgRasterizer.ToPng(ChartSvg(new ChartSize(400, 200)));

        PngSize(png).Should().Be((400, 200));
    }

    [Fact]
    public void ToPng_ScaleTwo_DoublesBothSides()
    {
        // 320 × 150 at 2× → 640 × 300.
        var png = SvgRasterizer.ToPng(ChartSvg(new ChartSize(320, 150)), scale: 2);

        PngSize(png).Should().Be((640, 300));
    }

    [Fact]
    public void ToPdf_Chart_IsAPdfWithPageInPoints()
    {
        // 400 × 200 px at 72/96 pt per px → 300 × 150 pt.
        var pdf = SvgRasterizer.ToPdf(ChartSvg(new ChartSize(400, 200)));

        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        Encoding.Latin1.GetString(pdf).Should().Contain("/MediaBox [ 0 0 300 150 ]");
    }

    [Fact]
    public void ToPng_NotSvg_ClearException()
    {
        var act = () => SvgRasterizer.ToPng("<html>not an svg");

        act.Should().Throw<SvgRasterizationException>().WithMessage("librsvg could not read the SVG: *");
    }

    [Fact]
    public void ToPdf_SvgWithoutSize_ClearException()
    {
        // Percentages cannot be resolved to pixels without a viewport.
        var act = () => SvgRasterizer.ToPdf("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"100%\"/>");

        act.Should().Throw<SvgRasterizationException>().WithMessage("the SVG has no size in pixels*");
    }

    [Fact]
    public void ToPng_ZeroScale_Throws()
    {
        var act = () => SvgRasterizer.ToPng(ChartSvg(new ChartSize(400, 200)), scale: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("scale");
    }
}
