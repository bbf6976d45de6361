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
        var week = $"{report.Week.FirstDay.ToString("d MMM", CultureInfo.InvariantCulture)} – {report.Week.EndDay.AddDays(-1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
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
            <thead><tr><th scope="col">Measure</th><th scope="col">This week</th><th scope="col">{WeeklyReportBuilder.BaselineWeeks}-week median</th><th scope="col">Change</th><th scope="col">Last {WeeklyReportBuilder.WeeksShown} weeks</th></tr></thead>
            <tbody>

            """);
        foreach (var metric in report.Metrics)
        {
            var spark = metric.History.Any(v => v is not null)
                ? SvgChartRenderer.Render(new Sparkline(metric.Title, $"{metric.Title} over the last {metric.History.Count} weeks", metric.History), ChartSize.SparklineCell)
                : "";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row" title="{E(metric.Signal)}">{E(metric.Title)}</th><td class="num">{Value(metric.ThisWeek, metric.Format)}</td><td class="num">{Value(metric.Baseline, metric.Format)}</td><td class="num">{(metric.Format == ValueFormat.Percentage ? Points(metric.Difference) : Change(metric.Change))}</td><td>{spark}</td></tr>

                """);
        }

        html.Append("""
            </tbody>
            </table>
            </section>
            <section aria-labelledby="risks">
            <h2 id="risks">Risks</h2>

            """);
        if (report.Risks.Count == 0)
        {
            html.Append("<p>Nothing needs attention this week.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"risks\">\n");
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

        html.Append($"""
            </section>
            <footer>Generated {E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by Analytics. Medians are sample medians (mean of the two middle values for an even count); how each measure is computed is in docs/signals/.</footer>
            </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Value(double? value, ValueFormat format) =>
        value is { } v ? E(ChartValueFormatter.Format(v, format)) : "<span class=\"none\">no data</span>";

    private static string Change(double? change) => change switch
    {
        null => "<span class=\"none\">–</span>",
        > 0.005 => $"▲ {(change.Value * 100).ToString("0", CultureInfo.InvariantCulture)}%",
        < -0.005 => $"▼ {(-change.Value * 100).ToString("0", CultureInfo.InvariantCulture)}%",
        _ => "=",
    };

    private static string Points(double? difference) => difference switch
    {
        null => "<span class=\"none\">–</span>",
        > 0.0005 => $"▲ {(difference.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} pp",
        < -0.0005 => $"▼ {(-difference.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} pp",
        _ => "=",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
