using System.Text.RegularExpressions;
using Analytics.Reports.Delivery;
using Analytics.Reports.Weekly;
using Analytics.Testing.Images;

namespace Analytics.Reports.Tests.Weekly;

public sealed partial class WeeklyReportEmailTests
{
    private static readonly EmailMessage Email = WeeklyReportEmail.Render(WeeklyReportFixture.Report());

    [Fact]
    public void Render_Report_PassesTheSafetyCheckWithoutSvgScriptOrStyleElements()
    {
        EmailSafety.Check(Email).Should().BeEmpty();
        Email.HtmlBody.Should().NotContain("<svg").And.NotContain("<script").And.NotContain("<style");
    }

    [Fact]
    public void Render_Report_ReferencesEachInlinePngByCidAndEachDecodesAtTwiceItsDisplaySize()
    {
        var referenced = ImageTag().Matches(Email.HtmlBody).Select(m => (Id: m.Groups["id"].Value, Width: int.Parse(m.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        // 3 sparklines (the metric without data has none), 1 trend chart, 1 alert evidence chart.
        referenced.Should().HaveCount(5);
        referenced.Select(r => r.Id).Should().BeEquivalentTo(Email.InlineImages.Select(i => i.ContentId));
        Email.InlineImages.Select(i => i.ContentId).Should().OnlyHaveUniqueItems();
        foreach (var (id, width) in referenced)
        {
            width.Should().BeLessThanOrEqualTo(640);
            var image = Email.InlineImages.Single(i => i.ContentId == id);
            image.MediaType.Should().Be("image/png");
            image.AlternativeText.Should().NotBeNullOrWhiteSpace();
            var png = PngImage.Decode(image.Content.Span);
            png.Width.Should().Be(width * 2, id);
            png.CountNonWhitePixels().Should().BeGreaterThan(0, id);
        }
    }

    [Fact]
    public void Render_Report_LayoutIsAtMost640PixelsWide()
    {
        var widths = WidthAttribute().Matches(Email.HtmlBody).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        widths.Should().NotBeEmpty().And.OnlyContain(w => w <= 640);
        Email.HtmlBody.Should().Contain("max-width:640px");
    }

    [Fact]
    public void Render_TextPart_CarriesTheSameNumbersAsTheHtmlPart()
    {
        var report = WeeklyReportFixture.Report();
        foreach (var metric in report.Metrics)
        {
            var facts = new[] { MetricText.Value(metric.ThisWeek, metric.Format), MetricText.Value(metric.Baseline, metric.Format), MetricText.Change(metric), MetricText.Goal(metric) };
            foreach (var fact in facts.Where(f => f.Length > 0))
            {
                Email.TextBody.Should().Contain(fact, metric.Title);
                Email.HtmlBody.Should().Contain(System.Net.WebUtility.HtmlEncode(fact), metric.Title);
            }
        }

        // Hand-checked values: 12 vs 8 is +50%; 3.1 d vs 1 d is +213% and the 1 d baseline is outside [2.3 d, 3.5 d];
        // 0% vs 2.5% is −2.5 percentage points.
        foreach (var expected in new[] { "▲ 50%", "▲ 213% (significant)", "✗ missed (< 2d)", "✓ met (>= 10)", "▼ 2.5 pp", "no data" })
        {
            Email.TextBody.Should().Contain(expected);
            Email.HtmlBody.Should().Contain(System.Net.WebUtility.HtmlEncode(expected));
        }

        foreach (var fact in new[] { "StalePrs", "5 pull requests idle for more than a week", "https://runbooks.example.com/stale-prs", "https://grafana.example.com/d/review", "area=review", "Tue 10 Nov 2026 10:00 (Europe/Berlin)", "PaymentTests.Refund (acme/api)", "v1.4.2", "Card payments time out", "acme/api#42" })
        {
            Email.TextBody.Should().Contain(fact);
            Email.HtmlBody.Should().Contain(System.Net.WebUtility.HtmlEncode(fact));
        }
    }

    [Fact]
    public void Render_Subject_NamesTeamWeekAndFiringAlerts()
    {
        Email.Subject.Should().Be("Payments · team health 2026-W46 · 1 alert firing");
        Email.TextBody.Should().Contain("Retry payouts <safely>");
        Email.HtmlBody.Should().Contain("Retry payouts &lt;safely&gt;");
    }

    [Fact]
    public void Page_WithAlertsAndGoals_ShowsThemWithTheEvidenceChart()
    {
        var html = WeeklyReportPage.Render(WeeklyReportFixture.Report());

        html.Should().Contain("StalePrs").And.Contain("✗ missed (&lt; 2d)").And.Contain("Deployed: 1").And.Contain("Incident resolved: 1");
        html.Should().Contain("review.stale_prs{team=payments}").And.Contain("<svg");
    }

    [GeneratedRegex("<img src=\"cid:(?<id>[^\"]+)\" width=\"(?<width>\\d+)\"")]
    private static partial Regex ImageTag();

    [GeneratedRegex("width=\"(\\d+)\"")]
    private static partial Regex WidthAttribute();
}
