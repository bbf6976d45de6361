using System.Globalization;
using Analytics.Domain.Alerts;
using Analytics.Reports.Alerts;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Weekly;

/// <summary>
/// The words and numbers of a weekly report, written once, so the standalone page, the e-mail's HTML part and its
/// text part say the same thing.
/// </summary>
internal static class MetricText
{
    /// <summary>What is shown for a missing value.</summary>
    public const string NoData = "no data";

    /// <summary>What is shown for a change that cannot be computed.</summary>
    public const string NoChange = "–";

    public static string Value(double? value, ValueFormat format) => value is { } v ? ChartValueFormatter.Format(v, format) : NoData;

    /// <summary>The change from the baseline: relative for counts and durations, in percentage points for shares; with significance when known.</summary>
    public static string Change(MetricSummary metric)
    {
        var arrow = metric.Format == ValueFormat.Percentage ? Points(metric.Difference) : Relative(metric.Change);
        return metric.Significant switch
        {
            _ when arrow is NoChange or "=" => arrow,
            true => arrow + " (significant)",
            false => arrow + " (within noise)",
            null => arrow,
        };
    }

    /// <summary>The goal and whether this week meets it: "met (&lt; 2d)", "missed (&lt; 2d)", "no data (&lt; 2d)"; empty without a goal.</summary>
    public static string Goal(MetricSummary metric) => metric.Goal is not { } goal
        ? ""
        : metric.GoalMet switch
        {
            true => $"✓ met ({goal.Text})",
            false => $"✗ missed ({goal.Text})",
            null => $"{NoData} ({goal.Text})",
        };

    public static string Severity(AlertSeverity severity) => Rules.Alerts.RuleEvaluator.SeverityName(severity);

    public static string When(DateTimeOffset? at, string timeZone) => at is not { } instant
        ? "unknown"
        : TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({timeZone})";

    /// <summary>
    /// The alert's value: in the unit of its series when the rule compares the series with a number directly (the
    /// evidence chart then has the threshold), else as a plain number (a change or a ratio of series).
    /// </summary>
    public static string AlertValue(AlertFacts alert) => alert.Value is not { } value
        ? NoData
        : Template(value, alert.Evidence?.Spec is TimeSeriesChart { Threshold: not null } chart ? chart.ValueFormat : null);

    public static string Labels(AlertFacts alert) => string.Join(", ", alert.DetailLabels.Select(l => $"{l.Name}={l.Value}"));

    public static string Kind(HighlightKind kind) => kind switch
    {
        HighlightKind.Deployment => "Deployed",
        HighlightKind.IncidentResolved => "Incident resolved",
        HighlightKind.EpicClosed => "Epic closed",
        _ => "Ticket resolved",
    };

    public static string Week(WeeklyReport report) =>
        $"{report.Week.FirstDay.ToString("d MMM", CultureInfo.InvariantCulture)} – {report.Week.EndDay.AddDays(-1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    private static string Template(double value, ValueFormat? format) => format is { } f
        ? ChartValueFormatter.Format(value, f)
        : Analytics.Rules.Language.Template.FormatValue(value, "humanize");

    private static string Relative(double? change) => change switch
    {
        null => NoChange,
        > 0.005 => $"▲ {(change.Value * 100).ToString("0", CultureInfo.InvariantCulture)}%",
        < -0.005 => $"▼ {(-change.Value * 100).ToString("0", CultureInfo.InvariantCulture)}%",
        _ => "=",
    };

    private static string Points(double? difference) => difference switch
    {
        null => NoChange,
        > 0.0005 => $"▲ {(difference.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} pp",
        < -0.0005 => $"▼ {(-difference.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} pp",
        _ => "=",
    };
}
