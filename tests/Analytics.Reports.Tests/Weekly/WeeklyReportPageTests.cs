using System.Xml.Linq;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;
using Analytics.Signals.Series;

namespace Analytics.Reports.Tests.Weekly;

public sealed class WeeklyReportPageTests
{
    private static readonly Team Team = new("pay", "Payments <&> \"Core\"", "Europe/Berlin", ValueList<TeamMember>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, null);

    [Fact]
    public void Render_TeamNameAndTitles_AreEscaped()
    {
        var html = WeeklyReportPage.Render(Report([], [new ShippedPullRequest("acme/api", 7, "Fix <script>alert(1)</script>", DateTimeOffset.UnixEpoch)]));

        html.Should().Contain("Payments &lt;&amp;&gt; &quot;Core&quot;").And.NotContain("<script>");
        html.Should().Contain("Fix &lt;script&gt;");
    }

    [Fact]
    public void Render_Metrics_ShowRelativeChangeAndPercentagePoints()
    {
        var html = WeeklyReportPage.Render(Report(
            [
                // 12 against a baseline of 8: (12 − 8) / 8 = +50%.
                new MetricSummary("Merged", "pr.merged{}", 12, 8, ValueFormat.Number, ValueList.Of<double?>(8, 12)),
                // 0% against 2.5%: a change of −2.5 percentage points, not "−100%".
                new MetricSummary("Unreviewed", "review.merged_without_review{}", 0, 0.025, ValueFormat.Percentage, ValueList.Of<double?>(0.025, 0)),
                new MetricSummary("Cycle", "pr.cycle_time{}", null, 3600, ValueFormat.Duration, ValueList.Of<double?>(null, null)),
            ],
            []));

        html.Should().Contain("▲ 50%").And.Contain("▼ 2.5 pp").And.Contain("no data").And.Contain("1 h");
        html.Should().Contain("No pull requests were merged this week.");
    }

    [Fact]
    public void Render_Page_IsWellFormedEnoughForAnXmlParserAfterTheDoctype()
    {
        var html = WeeklyReportPage.Render(Report([], []));

        // The page is written as XHTML-compatible markup so mail clients and tests can parse it.
        var act = () => XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..].Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal)
            .Replace("initial-scale=1\">", "initial-scale=1\"/>", StringComparison.Ordinal));
        act.Should().NotThrow();
    }

    private static WeeklyReport Report(IEnumerable<MetricSummary> metrics, IEnumerable<ShippedPullRequest> shipped) =>
        new(Team, new TimeWindow(new DateOnly(2026, 11, 9), Granularity.Week, "Europe/Berlin"), DateTimeOffset.UnixEpoch,
            ValueList.From(metrics), ValueList<WeeklyChart>.Empty, ValueList.From(shipped), ValueList<RiskItem>.Empty);
}
