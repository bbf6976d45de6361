using Analytics.Rules.Files;

namespace Analytics.Reports.Weekly;

/// <summary>What a weekly report is built for, beyond the team. The default value builds the last complete week with no goals and no alert evidence charts.</summary>
public sealed record WeeklyReportOptions
{
    /// <summary>The report week; null (the default) for the last complete week in the team's time zone.</summary>
    public ReportWeek? Week { get; init; }

    /// <summary>The team's goals (the teams file's <c>goals:</c>); empty by default.</summary>
    public IReadOnlyList<TeamGoal> Goals { get; init; } = [];

    /// <summary>The loaded rules, so firing alerts get the chart of the series their rule read; null (the default) for none.</summary>
    public RuleSet? Rules { get; init; }
}
