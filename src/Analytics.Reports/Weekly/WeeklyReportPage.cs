using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly;

/// <summary>
/// Renders a weekly report as one standalone HTML page (inline CSS and SVG, no scripts, no external resources), readable
/// in any browser and printable.
/// </summary>
public static class WeeklyReportPage
{
    /// <summary>The page's HTML.</summary>
    public static string Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var week = MetricText.Week(report);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(report.Team.Name)} · team health · week of {E(week)}</title>
            <style>{Styles.Page}</style>
            </head>
            <body>
            <main>
            <header>
            <p class="kicker">Weekly team health · {E(report.Week.ToString())}</p>
            <h1>{E(report.Team.Name)}</h1>
            <p class="period">Week of {E(week)} ({E(report.Team.TimeZone)}), compared with the median of the {WeeklyReportBuilder.BaselineWeeks} weeks before.</p>
            </header>
            <section aria-labelledby="glance">
            <h2 id="glance">At a glance</h2>
            <table class="metrics">
            <thead><tr><th scope="col">Measure</th><th scope="col">This week</th><th scope="col">{WeeklyReportBuilder.BaselineWeeks}-week median</th><th scope="col">Change</th><th scope="col">Goal</th><th scope="col">Last {WeeklyReportBuilder.WeeksShown} weeks</th></tr></thead>
            <tbody>

            """);
        foreach (var metric in report.Metrics)
        {
            var spark = metric.History.Any(v => v is not null)
                ? SvgChartRenderer.Render(new Sparkline(metric.Title, $"{metric.Title} over the last {metric.History.Count} weeks", metric.History), ChartSize.SparklineCell)
                : "";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row" title="{E(metric.Signal)}">{E(metric.Title)}</th><td class="num">{Value(metric.ThisWeek, metric.Format)}</td><td class="num">{Value(metric.Baseline, metric.Format)}</td><td class="num">{Change(metric)}</td><td class="goal">{E(MetricText.Goal(metric))}</td><td>{spark}</td></tr>

                """);
        }

        html.Append("""
            </tbody>
            </table>
            </section>
            <section aria-labelledby="risks">
            <h2 id="risks">Risks</h2>

            """);
        if (report.Risks.Count == 0 && report.Alerts.Count == 0)
        {
            html.Append("<p>Nothing needs attention this week.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"risks\">\n");
            foreach (var alert in report.Alerts)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"alert\"><span class=\"kind\">{E(MetricText.Severity(alert.Severity))} alert</span> <strong>{E(alert.Rule)}</strong>: {E(alert.Summary)}<br/>");
                html.Append($"Value {E(MetricText.AlertValue(alert))}; firing since {E(MetricText.When(alert.Since, report.Team.TimeZone))}; {E(MetricText.Labels(alert))}.");
                if (alert.Description is { } description)
                {
                    html.Append($"<br/><span class=\"why\">{E(description)}</span>");
                }

                html.Append(Links(alert));
                if (alert.Evidence is { } chart)
                {
                    html.Append($"<figure>{chart.Svg}<figcaption>{E(chart.Spec.Description)}</figcaption></figure>");
                }

                html.Append("</li>\n");
            }

            foreach (var risk in report.Risks)
            {
                html.Append($"<li><span class=\"kind\">{E(risk.Kind)}</span> <strong>{E(risk.Title)}</strong><br/>{E(risk.Evidence)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("""
            </section>
            <section aria-labelledby="trends">
            <h2 id="trends">Trends</h2>

            """);
        foreach (var chart in report.Charts)
        {
            html.Append($"""
                <figure>
                {chart.Svg}
                <figcaption>{E(chart.Spec.Description)}</figcaption>
                </figure>

                """);
        }

        html.Append("""
            </section>
            <section aria-labelledby="shipped">
            <h2 id="shipped">What shipped</h2>

            """);
        if (report.Shipped.Count == 0)
        {
            html.Append("<p>No pull requests were merged this week.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"shipped\">\n");
            foreach (var pr in report.Shipped)
            {
                html.Append($"<li><span class=\"repo\">{E(pr.Repository)}#{pr.Number}</span> {E(pr.Title)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("""
            </section>
            <section aria-labelledby="resolved">
            <h2 id="resolved">Deployed and resolved</h2>

            """);
        if (report.Highlights.Count == 0)
        {
            html.Append("<p>No production deployments and nothing resolved this week.</p>\n");
        }
        else
        {
            foreach (var kind in report.Highlights.GroupBy(h => h.Kind).OrderBy(g => g.Key))
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{E(MetricText.Kind(kind.Key))}: {kind.Count()}</h3>\n<ul class=\"shipped\">\n");
                foreach (var item in kind.Take(HighlightsListed))
                {
                    var title = item.Url is { } url ? $"<a href=\"{E(url)}\">{E(item.Title)}</a>" : E(item.Title);
                    html.Append($"<li><span class=\"repo\">{E(item.Reference)}</span> {title}</li>\n");
                }

                if (kind.Count() > HighlightsListed)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>and {kind.Count() - HighlightsListed} more</li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        html.Append($"""
            </section>
            <footer>Generated {E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by Analytics. Medians are sample medians (mean of the two middle values for an even count); how each measure is computed is in docs/signals/.</footer>
            </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    /// <summary>Items of each kind of highlight listed; the rest are counted.</summary>
    internal const int HighlightsListed = 10;

    private static string Links(Alerts.AlertFacts alert)
    {
        var links = new List<string>();
        if (alert.DashboardUrl is { } dashboard)
        {
            links.Add($"<a href=\"{E(dashboard)}\">Dashboard</a>");
        }

        if (alert.RunbookUrl is { } runbook)
        {
            links.Add($"<a href=\"{E(runbook)}\">Runbook</a>");
        }

        return links.Count == 0 ? "" : "<br/>" + string.Join(" · ", links);
    }

    private static string Change(MetricSummary metric)
    {
        var text = MetricText.Change(metric);
        return text == MetricText.NoChange ? $"<span class=\"none\">{E(text)}</span>" : E(text);
    }

    private static string Value(double? value, ValueFormat format) =>
        value is { } v ? E(ChartValueFormatter.Format(v, format)) : "<span class=\"none\">no data</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
