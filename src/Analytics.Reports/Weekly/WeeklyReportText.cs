using System.Globalization;
using System.Text;

namespace Analytics.Reports.Weekly;

/// <summary>The plain-text part of the weekly e-mail: the same facts as the HTML part, for text-only readers and previews.</summary>
public static class WeeklyReportText
{
    /// <summary>The text of <paramref name="report"/>, lines ending with <c>\n</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"{report.Team.Name}: weekly team health {report.IsoWeek}");
        Line($"Week of {MetricText.Week(report)} ({report.Team.TimeZone}), compared with the median of the {WeeklyReportBuilder.BaselineWeeks} weeks before.");
        Line();
        Line("AT A GLANCE");
        foreach (var metric in report.Metrics)
        {
            var goal = MetricText.Goal(metric);
            Line($"- {metric.Title}: {MetricText.Value(metric.ThisWeek, metric.Format)} "
                + $"({WeeklyReportBuilder.BaselineWeeks}-wk median {MetricText.Value(metric.Baseline, metric.Format)}; change {MetricText.Change(metric)})"
                + (goal.Length > 0 ? $"; goal {goal}" : ""));
        }

        Line();
        Line("RISKS");
        if (report.Alerts.Count == 0 && report.Risks.Count == 0)
        {
            Line("Nothing needs attention this week.");
        }

        foreach (var alert in report.Alerts)
        {
            Line($"- [{MetricText.Severity(alert.Severity)} alert] {alert.Rule}: {alert.Summary}");
            Line($"  Value {MetricText.AlertValue(alert)}; firing since {MetricText.When(alert.Since, report.Team.TimeZone)}. {MetricText.Labels(alert)}");
            if (alert.Description is { } description)
            {
                Line($"  {description}");
            }

            if (alert.DashboardUrl is { } dashboard)
            {
                Line($"  Dashboard: {dashboard}");
            }

            if (alert.RunbookUrl is { } runbook)
            {
                Line($"  Runbook: {runbook}");
            }

            if (alert.Evidence is { } evidence)
            {
                Line($"  Chart: {evidence.Spec.Description}");
            }
        }

        foreach (var risk in report.Risks)
        {
            Line($"- [{risk.Kind}] {risk.Title}: {risk.Evidence}");
        }

        Line();
        Line("TRENDS");
        foreach (var chart in report.Charts)
        {
            Line($"- {chart.Spec.Title}: {chart.Spec.Description}");
        }

        Line();
        Line("DEPLOYED AND RESOLVED");
        if (report.Highlights.Count == 0)
        {
            Line("No production deployments and nothing resolved this week.");
        }

        foreach (var kind in report.Highlights.GroupBy(h => h.Kind).OrderBy(g => g.Key))
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"{MetricText.Kind(kind.Key)}: {kind.Count()}"));
            foreach (var item in kind.Take(WeeklyReportPage.HighlightsListed))
            {
                Line($"  - {item.Reference} {item.Title}" + (item.Url is { } url ? $" <{url}>" : ""));
            }

            if (kind.Count() > WeeklyReportPage.HighlightsListed)
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"  and {kind.Count() - WeeklyReportPage.HighlightsListed} more"));
            }
        }

        Line();
        Line("WHAT SHIPPED");
        if (report.Shipped.Count == 0)
        {
            Line("No pull requests were merged this week.");
        }

        foreach (var pr in report.Shipped)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"- {pr.Repository}#{pr.Number} {pr.Title}"));
        }

        Line();
        Line(WeeklyReportEmail.Footer(report));
        return text.ToString();
    }
}
