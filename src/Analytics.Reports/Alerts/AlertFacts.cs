using Analytics.Domain.Alerts;
using Analytics.Reports.Weekly;
using Analytics.Signals.Series;

namespace Analytics.Reports.Alerts;

/// <summary>
/// What a reader needs to know about one alert: the weekly report's risks and the alert messages both show these.
/// </summary>
/// <param name="Fingerprint">The alert's identity in the alert state.</param>
/// <param name="Rule">The rule's alert name.</param>
/// <param name="Status">Firing or resolved (as the notification or state says).</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Labels">The alert's labels (series labels, the rule's labels, <c>alertname</c>, <c>severity</c>).</param>
/// <param name="Summary">The rendered <c>summary</c> annotation, or the rule name when there is none.</param>
/// <param name="Description">The rendered <c>description</c> annotation; null when there is none.</param>
/// <param name="Value">The value the rule's condition compared at the last evaluation where it held.</param>
/// <param name="Since">When it started firing (its current or last episode).</param>
/// <param name="ResolvedAt">When it resolved; null while firing.</param>
/// <param name="RunbookUrl">The <c>runbook_url</c> annotation; null when there is none.</param>
/// <param name="DashboardUrl">The <c>dashboard_url</c> annotation; null when there is none.</param>
public sealed record AlertFacts(
    string Fingerprint,
    string Rule,
    AlertStatus Status,
    AlertSeverity Severity,
    Labels Labels,
    string Summary,
    string? Description,
    double? Value,
    DateTimeOffset? Since,
    DateTimeOffset? ResolvedAt,
    string? RunbookUrl,
    string? DashboardUrl)
{
    /// <summary>
    /// A chart of the series the rule read for this alert, with the rule's threshold when the rule compares the series
    /// with a number directly; null (the default) when the series is not known.
    /// </summary>
    public WeeklyChart? Evidence { get; init; }

    /// <summary>The team label; null when the alert has none.</summary>
    public string? Team => Labels["team"];

    /// <summary>The labels a reader cares about: all but <c>alertname</c>, <c>severity</c> and <c>team</c>, which are shown elsewhere.</summary>
    public IEnumerable<Label> DetailLabels => Labels.Items.Where(l => l.Name is not ("alertname" or "severity" or "team"));
}
