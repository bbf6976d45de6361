using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly;

/// <summary>A chart of a weekly report, with its SVG rendering.</summary>
/// <param name="Spec">What is drawn.</param>
/// <param name="Svg">The chart as SVG, ready to inline in HTML.</param>
public sealed record WeeklyChart(ChartSpec Spec, string Svg);
