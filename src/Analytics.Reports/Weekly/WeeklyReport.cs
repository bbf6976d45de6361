using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Alerts;
using Analytics.Signals.Series;

namespace Analytics.Reports.Weekly;

/// <summary>The weekly team-health report of one team: headline numbers, charts and what shipped.</summary>
/// <param name="Team">The team.</param>
/// <param name="Week">The report week (by default the last complete ISO week in the team's time zone).</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Metrics">Headline numbers, this week against the weeks before, with the team's goals.</param>
/// <param name="Charts">Charts of the last weeks.</param>
/// <param name="Shipped">Pull requests merged this week, newest first.</param>
/// <param name="Risks">What needs attention besides alerts: flaky and broken tests, CI slowdowns, knowledge silos.</param>
public sealed record WeeklyReport(
    Team Team,
    TimeWindow Week,
    DateTimeOffset GeneratedAt,
    ValueList<MetricSummary> Metrics,
    ValueList<WeeklyChart> Charts,
    ValueList<ShippedPullRequest> Shipped,
    ValueList<RiskItem> Risks)
{
    /// <summary>The team's alerts firing at the end of the report week, most severe first, with their evidence; empty by default.</summary>
    public ValueList<AlertFacts> Alerts { get; init; }

    /// <summary>Production deployments and resolved incidents and tickets of the week, newest first; empty by default.</summary>
    public ValueList<Highlight> Highlights { get; init; }

    /// <summary>The week as an ISO week.</summary>
    public ReportWeek IsoWeek => ReportWeek.Of(Week.FirstDay);
}
