using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Series;

namespace Analytics.Reports.Weekly;

/// <summary>The weekly team-health report of one team: headline numbers, charts and what shipped.</summary>
/// <param name="Team">The team.</param>
/// <param name="Week">The report week (the last complete ISO week in the team's time zone).</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Metrics">Headline numbers, this week against the weeks before.</param>
/// <param name="Charts">Charts of the last weeks.</param>
/// <param name="Shipped">Pull requests merged this week, newest first.</param>
/// <param name="Risks">What needs attention: flaky and broken tests, CI slowdowns, knowledge silos.</param>
public sealed record WeeklyReport(
    Team Team,
    TimeWindow Week,
    DateTimeOffset GeneratedAt,
    ValueList<MetricSummary> Metrics,
    ValueList<WeeklyChart> Charts,
    ValueList<ShippedPullRequest> Shipped,
    ValueList<RiskItem> Risks);
