using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly;

/// <summary>One headline number of a weekly report: this week's value against the weeks before it.</summary>
/// <param name="Title">What it is, such as "PR cycle time (median)".</param>
/// <param name="Signal">The signal and labels it comes from, for people who want to look further.</param>
/// <param name="ThisWeek">The report week's value; null when the week had too few observations.</param>
/// <param name="Baseline">The median of the previous <see cref="WeeklyReportBuilder.BaselineWeeks"/> weeks' values; null when none had a value.</param>
/// <param name="Format">How to write the values.</param>
/// <param name="History">The values of every week shown, oldest first, the report week last (for the sparkline).</param>
public sealed record MetricSummary(string Title, string Signal, double? ThisWeek, double? Baseline, ValueFormat Format, ValueList<double?> History)
{
    /// <summary>The relative change from the baseline (0.25 = 25% up); null when it cannot be computed.</summary>
    /// <remarks>For percentages, a relative change of a share misleads (2% → 0% is "−100%"); see <see cref="Difference"/>.</remarks>
    public double? Change => ThisWeek is { } now && Baseline is { } before && before != 0 ? (now - before) / before : null;

    /// <summary>This week's value minus the baseline; null when either is missing.</summary>
    public double? Difference => ThisWeek - Baseline;

    /// <summary>The measure's goal key (<see cref="GoalMetrics.Formats"/>); null (the default) for measures without goals.</summary>
    public string? Key { get; init; }

    /// <summary>The team's goal for this measure; null (the default) when it has none.</summary>
    public TeamGoal? Goal { get; init; }

    /// <summary>Whether this week's value meets <see cref="Goal"/>; null without a goal or a value.</summary>
    public bool? GoalMet => Goal?.IsMet(ThisWeek);

    /// <summary>The lower bound of this week's 95% confidence interval; null (the default) when the signal has none.</summary>
    public double? Low { get; init; }

    /// <summary>The upper bound of this week's 95% confidence interval; null (the default) when the signal has none.</summary>
    public double? High { get; init; }

    /// <summary>
    /// Whether the change from the baseline is statistically significant: the baseline lies outside this week's 95%
    /// confidence interval. Null when the signal has no interval or there is no baseline.
    /// </summary>
    public bool? Significant => Low is { } low && High is { } high && Baseline is { } baseline ? baseline < low || baseline > high : null;
}
