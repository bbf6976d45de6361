using System.Globalization;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Email;

/// <summary>
/// Collects the charts of one e-mail as PNG inline images (rasterised at twice their display size, for high-density
/// screens) with Content-IDs unique to the message.
/// </summary>
internal sealed class InlineCharts(string idSuffix)
{
    /// <summary>Pixels per CSS pixel in the PNGs.</summary>
    public const double Scale = 2;

    private readonly List<InlineImage> _images = [];

    public ValueList<InlineImage> Images => ValueList.From(_images);

    /// <summary>Renders <paramref name="spec"/> at <paramref name="size"/> and returns the <c>&lt;img&gt;</c> referencing it.</summary>
    public string Add(string name, ChartSpec spec, ChartSize size)
    {
        var png = SvgRasterizer.ToPng(SvgChartRenderer.Render(spec, size), Scale);
        var id = string.Create(CultureInfo.InvariantCulture, $"{name}-{_images.Count + 1}.{idSuffix}@analytics");
        var alt = $"{spec.Title}: {spec.Description}";
        _images.Add(new InlineImage(id, "image/png", png, alt));
        return EmailHtml.Image(id, size.Width, size.Height, alt);
    }

    /// <summary>Letters, digits and dashes only, so the text can be part of a Content-ID.</summary>
    public static string Token(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
