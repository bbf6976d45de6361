using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Alerts;
using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;
using Analytics.Signals.Series;

namespace Analytics.Reports.Tests.Weekly;

/// <summary>A weekly report with one of everything, built by hand.</summary>
internal static class WeeklyReportFixture
{
    public static readonly Team Team = new("payments", "Payments", "Europe/Berlin", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList.Of("payments"), "pay@example.com");

    public static WeeklyChart Chart(string title, double[] values, double? threshold = null)
    {
        var spec = new TimeSeriesChart(title, $"{title} week by week.", ValueList.Of(new TimeSeries("value",
            ValueList.From(values.Select((v, i) => TimePoint.OnDate(new DateOnly(2026, 9, 21).AddDays(7 * i), v))))))
        {
            ValueFormat = ValueFormat.Duration,
            XAxis = TimeAxisKind.CalendarDates,
            Threshold = threshold is { } t ? new ThresholdLine(t, "Threshold") : null,
        };
        return new WeeklyChart(spec, SvgChartRenderer.Render(spec, ChartSize.Report));
    }

    public static WeeklyReport Report() =>
        new(Team, new TimeWindow(new DateOnly(2026, 11, 9), Granularity.Week, "Europe/Berlin"), new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero),
            ValueList.Of(
                new MetricSummary("Pull requests merged", "pr.merged{team=payments}", 12, 8, ValueFormat.Number, ValueList.Of<double?>(7, 8, 9, 8, 12)) { Key = "pr.merged", Goal = new TeamGoal("pr.merged", GoalComparison.AtLeast, 10, ">= 10") },
                new MetricSummary("PR cycle time (median, open → merge)", "pr.cycle_time{team=payments}", 270_000, 86_400, ValueFormat.Duration, ValueList.Of<double?>(80_000, 86_400, 90_000, 270_000))
                {
                    Key = "pr.cycle_time",
                    Goal = new TeamGoal("pr.cycle_time", GoalComparison.Below, 172_800, "< 2d"),
                    Low = 200_000,
                    High = 300_000,
                },
                new MetricSummary("Merged without review", "review.merged_without_review{team=payments}", 0, 0.025, ValueFormat.Percentage, ValueList.Of<double?>(0.025, 0)),
                new MetricSummary("Incidents opened", "incidents.count{team=payments}", null, null, ValueFormat.Number, ValueList.Of<double?>(null, null))),
            ValueList.Of(Chart("PR cycle time (median)", [80_000, 86_400, 90_000, 270_000])),
            ValueList.Of(new ShippedPullRequest("acme/api", 42, "Retry payouts <safely>", new DateTimeOffset(2026, 11, 12, 10, 0, 0, TimeSpan.Zero))),
            ValueList.Of(new RiskItem("Flaky test", "PaymentTests.Refund (acme/api)", "Passed and failed on the same commit on 4 of 20 commits.")))
        {
            Alerts = ValueList.Of(Alert()),
            Highlights = ValueList.Of(
                new Highlight(HighlightKind.Deployment, "payments → production", "v1.4.2", new DateTimeOffset(2026, 11, 13, 15, 0, 0, TimeSpan.Zero)),
                new Highlight(HighlightKind.IncidentResolved, "payments · P2", "Card payments time out", new DateTimeOffset(2026, 11, 11, 8, 0, 0, TimeSpan.Zero), "https://pagerduty.example.com/incidents/Q1")),
        };

    public static AlertFacts Alert() => new(
        "0123456789abcdef",
        "StalePrs",
        AlertStatus.Firing,
        AlertSeverity.Critical,
        Labels.Of(new Label("alertname", "StalePrs"), new Label("area", "review"), new Label("severity", "critical"), new Label("team", "payments")),
        "5 pull requests idle for more than a week",
        "Pull requests without activity for 7 days.",
        5,
        new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero),
        null,
        "https://runbooks.example.com/stale-prs",
        "https://grafana.example.com/d/review")
    {
        Evidence = Chart("review.stale_prs{team=payments}", [1, 2, 3, 5], threshold: 3) is var c ? c with { Spec = ((TimeSeriesChart)c.Spec) with { ValueFormat = ValueFormat.Number } } : null,
    };
}
