using Analytics.Testing.Browser;
using Analytics.Testing.Files;
using Analytics.Testing.Images;

namespace Analytics.Domain.Tests.Support;

/// <summary>Runs the real browser that <c>scripts/test.sh</c> installs; these tests fail (not skip) without it.</summary>
public sealed class HeadlessChromiumTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ScreenshotAsync_RedDivOnWhite_PngShowsTheDiv()
    {
        var html = WriteHtml(
            "<html><body style='margin:0;background:#fff'>"
            + "<div style='position:absolute;left:0;top:0;width:50px;height:40px;background:#f00'></div></body></html>");
        var png = _directory.Combine("shot.png");

        await new HeadlessChromium().ScreenshotAsync(html, png, 200, 150, CancellationToken.None);

        var image = PngImage.Load(png);
        image.Width.Should().Be(200);
        image.Height.Should().Be(150);
        image.GetPixel(10, 10).Should().Be(new Rgba(255, 0, 0, 255));
        image.GetPixel(150, 80).Should().Be(Rgba.White);
        // The div covers 50 x 40 = 2000 pixels; everything else is white.
        image.CountPixels(p => p == new Rgba(255, 0, 0, 255)).Should().Be(2000);
        image.CountNonWhitePixels().Should().Be(2000);
        image.CountDistinctColors().Should().Be(2);
    }

    [Fact]
    public async Task DumpDomAsync_PageWithScript_ReturnsDomAfterScript()
    {
        var html = WriteHtml(
            "<html><body><p id='x'>before</p>"
            + "<script>document.getElementById('x').textContent = 'after ' + (6 * 7);</script></body></html>");

        var dom = await new HeadlessChromium().DumpDomAsync(html, CancellationToken.None);

        // The script ran: 6 * 7 = 42.
        dom.Should().Contain("<p id=\"x\">after 42</p>");
    }

    [Fact]
    public async Task PrintToPdfAsync_SimplePage_WritesPdf()
    {
        var html = WriteHtml("<html><body><h1>Report</h1></body></html>");
        var pdf = _directory.Combine("out/report.pdf");

        await new HeadlessChromium().PrintToPdfAsync(html, pdf, CancellationToken.None);

        File.ReadAllBytes(pdf).Take(5).Should().Equal("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task ScreenshotAsync_MissingHtmlFile_ThrowsFileNotFound()
    {
        var act = () => new HeadlessChromium().ScreenshotAsync(
            _directory.Combine("missing.html"), _directory.Combine("x.png"), 200, 150, CancellationToken.None);

        await act.Should().ThrowAsync<FileNotFoundException>();
    }

    [Fact]
    public async Task ScreenshotAsync_HeightBelowMinimum_Throws()
    {
        var html = WriteHtml("<html></html>");

        var act = () => new HeadlessChromium().ScreenshotAsync(
            html, _directory.Combine("x.png"), 200, HeadlessChromium.MinimumScreenshotHeight - 1, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_MissingExecutable_ThrowsWithHint()
    {
        var act = () => new HeadlessChromium(_directory.Combine("no-chromium"), null);

        act.Should().Throw<FileNotFoundException>().WithMessage("*scripts/test.sh*");
    }

    private string WriteHtml(string html)
    {
        var path = _directory.Combine("page.html");
        File.WriteAllText(path, html);
        return path;
    }
}
