using System.Globalization;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using Analytics.Reports.Delivery;
using Analytics.Reports.Email;
using static Analytics.Reports.Email.EmailHtml;

namespace Analytics.Reports.Weekly;

/// <summary>
/// Renders a weekly report as an e-mail for common mail clients: table layout at most 640 pixels wide, inline styles,
/// charts and sparklines as PNG inline images referenced by <c>cid:</c> with alt text, no SVG and no script, plus a
/// plain-text part with the same facts. The result passes <see cref="EmailSafety"/> (checked before it is returned).
/// </summary>
public static class WeeklyReportEmail
{
    /// <summary>The size of trend charts in the e-mail, in CSS pixels.</summary>
    public static ChartSize ChartSize => new(600, 262);

    /// <summary>The e-mail of <paramref name="report"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="SvgRasterizationException">A chart could not be rasterised (librsvg or cairo missing or failing).</exception>
    public static EmailMessage Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new InlineCharts($"{InlineCharts.Token(report.Team.Id)}.{report.IsoWeek.ToString().ToLowerInvariant()}");
        var html = new StringBuilder();
        var subject = Subject(report);
        Open(html, subject, Preheader(report));
        html.Append(CultureInfo.InvariantCulture, $"""
            <p style="margin:0;font-size:12px;line-height:16px;text-transform:uppercase;letter-spacing:1px;{Muted}{Font}">Weekly team health · {E(report.IsoWeek.ToString())}</p>
            <h1 style="margin:4px 0 4px;font-size:26px;line-height:32px;color:#1d2330;{Font}">{E(report.Team.Name)}</h1>
            <p style="margin:0;font-size:14px;line-height:20px;{Muted}{Font}">Week of {E(MetricText.Week(report))} ({E(report.Team.TimeZone)}), compared with the median of the {WeeklyReportBuilder.BaselineWeeks} weeks before.</p>

            """);

        Metrics(html, report, charts);
        Risks(html, report, charts);
        html.Append($"<h2 style=\"{H2}\">Trends</h2>\n");
        foreach (var chart in report.Charts)
        {
            html.Append(charts.Add("chart", chart.Spec, ChartSize)).Append('\n');
            html.Append($"<p style=\"{Text}font-size:12px;{Muted}\">{E(chart.Spec.Description)}</p>\n");
        }

        Highlights(html, report);
        Close(html, Footer(report));
        var message = new EmailMessage(subject, html.ToString(), WeeklyReportText.Render(report), charts.Images, ValueList<EmailAttachment>.Empty);
        EmailSafety.EnsureSafe(message);
        return message;
    }

    /// <summary>"Payments · team health 2026-W46 · 2 alerts firing".</summary>
    public static string Subject(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var alerts = report.Alerts.Count switch
        {
            0 => "no alerts",
            1 => "1 alert firing",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} alerts firing"),
        };
        return $"{report.Team.Name} · team health {report.IsoWeek} · {alerts}";
    }

    internal static string Footer(WeeklyReport report) =>
        $"Generated {report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} by Analytics. Medians are sample medians; "
        + "\"significant\" means the 4-week median lies outside this week's 95% confidence interval. How each number is computed: docs/reports.md.";

    private static string Preheader(WeeklyReport report)
    {
        var missed = report.Metrics.Count(m => m.GoalMet == false);
        return $"{report.Alerts.Count} alert(s) firing, {report.Risks.Count} other risk(s), {missed} goal(s) missed, {report.Shipped.Count} pull request(s) merged.";
    }

    private static void Metrics(StringBuilder html, WeeklyReport report, InlineCharts charts)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2 style="{H2}">At a glance</h2>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            <tr><th style="{HeadCell}">Measure</th><th style="{HeadCell}text-align:right;">This week</th><th style="{HeadCell}text-align:right;">{WeeklyReportBuilder.BaselineWeeks}-wk median</th><th style="{HeadCell}text-align:right;">Change</th><th style="{HeadCell}">Goal</th><th style="{HeadCell}">Trend</th></tr>

            """);
        foreach (var metric in report.Metrics)
        {
            var goal = MetricText.Goal(metric);
            var goalColour = metric.GoalMet switch { true => "color:#00734d;", false => "color:#b33c00;font-weight:bold;", _ => Muted };
            var spark = metric.History.Any(v => v is not null)
                ? charts.Add("spark", new Sparkline(metric.Title, $"{metric.Title} over the last {metric.History.Count} weeks, oldest first; this week {MetricText.Value(metric.ThisWeek, metric.Format)}", metric.History), ChartSize.SparklineCell)
                : "";
            html.Append($"<tr><td style=\"{Cell}\">{E(metric.Title)}</td><td style=\"{Cell}text-align:right;white-space:nowrap;\">{E(MetricText.Value(metric.ThisWeek, metric.Format))}</td>"
                + $"<td style=\"{Cell}text-align:right;white-space:nowrap;\">{E(MetricText.Value(metric.Baseline, metric.Format))}</td><td style=\"{Cell}text-align:right;\">{E(MetricText.Change(metric))}</td>"
                + $"<td style=\"{Cell}{goalColour}\">{E(goal)}</td><td style=\"{Cell}width:120px;\">{spark}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Risks(StringBuilder html, WeeklyReport report, InlineCharts charts)
    {
        html.Append($"<h2 style=\"{H2}\">Risks</h2>\n");
        if (report.Alerts.Count == 0 && report.Risks.Count == 0)
        {
            html.Append($"<p style=\"{Text}\">Nothing needs attention this week.</p>\n");
            return;
        }

        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n");
        foreach (var alert in report.Alerts)
        {
            var colour = alert.Severity switch { Domain.Alerts.AlertSeverity.Critical => "#b3001b", Domain.Alerts.AlertSeverity.Warning => "#d55e00", _ => "#0072b2" };
            html.Append($"<tr><td style=\"padding:10px 12px;border-left:4px solid {colour};background-color:#fdf5ef;\">");
            html.Append($"<p style=\"{Text}\"><span style=\"font-size:11px;text-transform:uppercase;color:{colour};font-weight:bold;\">{E(MetricText.Severity(alert.Severity))} alert</span> <strong>{E(alert.Rule)}</strong>: {E(alert.Summary)}</p>");
            html.Append($"<p style=\"{Text}font-size:13px;\">Value {E(MetricText.AlertValue(alert))}; firing since {E(MetricText.When(alert.Since, report.Team.TimeZone))}. {E(MetricText.Labels(alert))}</p>");
            if (alert.Description is { } description)
            {
                html.Append($"<p style=\"{Text}font-size:13px;{Muted}\">{E(description)}</p>");
            }

            var links = new List<string>();
            if (alert.DashboardUrl is { } dashboard)
            {
                links.Add(Link(dashboard, "Dashboard"));
            }

            if (alert.RunbookUrl is { } runbook)
            {
                links.Add(Link(runbook, "Runbook"));
            }

            if (links.Count > 0)
            {
                html.Append($"<p style=\"{Text}font-size:13px;\">{string.Join(" · ", links)}</p>");
            }

            if (alert.Evidence is { } evidence)
            {
                html.Append(charts.Add("evidence", evidence.Spec, Alerts.AlertEvidence.ChartSize));
            }

            html.Append("</td></tr>\n<tr><td style=\"height:8px;line-height:8px;font-size:8px;\">&nbsp;</td></tr>\n");
        }

        foreach (var risk in report.Risks)
        {
            html.Append($"<tr><td style=\"padding:10px 12px;border-left:4px solid #e69f00;background-color:#fbf7ee;\"><p style=\"{Text}\"><span style=\"font-size:11px;text-transform:uppercase;color:#8a5a00;font-weight:bold;\">{E(risk.Kind)}</span> <strong>{E(risk.Title)}</strong></p>"
                + $"<p style=\"{Text}font-size:13px;margin:0;\">{E(risk.Evidence)}</p></td></tr>\n<tr><td style=\"height:8px;line-height:8px;font-size:8px;\">&nbsp;</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Highlights(StringBuilder html, WeeklyReport report)
    {
        html.Append($"<h2 style=\"{H2}\">Deployed and resolved</h2>\n");
        if (report.Highlights.Count == 0)
        {
            html.Append($"<p style=\"{Text}\">No production deployments and nothing resolved this week.</p>\n");
        }

        foreach (var kind in report.Highlights.GroupBy(h => h.Kind).OrderBy(g => g.Key))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"{Text}font-weight:bold;\">{E(MetricText.Kind(kind.Key))}: {kind.Count()}</p>\n");
            foreach (var item in kind.Take(WeeklyReportPage.HighlightsListed))
            {
                var title = item.Url is { } url ? Link(url, item.Title) : E(item.Title);
                html.Append($"<p style=\"{Text}font-size:13px;margin-left:12px;\"><span style=\"{Muted}\">{E(item.Reference)}</span> {title}</p>\n");
            }

            if (kind.Count() > WeeklyReportPage.HighlightsListed)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p style=\"{Text}font-size:13px;margin-left:12px;\">and {kind.Count() - WeeklyReportPage.HighlightsListed} more</p>\n");
            }
        }

        html.Append($"<h2 style=\"{H2}\">What shipped</h2>\n");
        if (report.Shipped.Count == 0)
        {
            html.Append($"<p style=\"{Text}\">No pull requests were merged this week.</p>\n");
        }

        foreach (var pr in report.Shipped)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"{Text}font-size:13px;margin-left:12px;\"><span style=\"{Muted}\">{E(pr.Repository)}#{pr.Number}</span> {E(pr.Title)}</p>\n");
        }
    }
}
