using Analytics.Domain.Alerts;
using Analytics.Domain.People;
using Analytics.Host.Configuration;
using Analytics.Reports.Alerts;
using Analytics.Reports.Weekly;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Host.Reporting;

/// <summary>
/// Builds what the report commands write and what sending will send: per team, the weekly report with its e-mail and
/// recipients; per outbox notification, the alert e-mail and webhook body. Sending is one call on these results.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="teams">The teams file (teams, goals).</param>
/// <param name="people">The people behind the accounts.</param>
/// <param name="rules">The loaded rules, for alert evidence charts; null without rules.</param>
/// <param name="time">The clock.</param>
internal sealed class ReportComposer(IStore store, TeamsConfiguration teams, PersonDirectory people, RuleSet? rules, TimeProvider time)
{
    /// <summary>Weeks of history drawn in alert evidence charts.</summary>
    public const int EvidenceWeeks = 12;

    /// <summary>The weekly report and e-mail of each of <paramref name="selected"/> for <paramref name="week"/> (null: each team's last complete week).</summary>
    public async Task<IReadOnlyList<TeamWeeklyEmail>> WeeklyAsync(IReadOnlyList<Team> selected, ReportWeek? week, CancellationToken cancellationToken)
    {
        var builder = new WeeklyReportBuilder(store, people, time);
        var result = new List<TeamWeeklyEmail>();
        foreach (var team in selected)
        {
            var options = new WeeklyReportOptions { Week = week, Goals = teams.Goals.GetValueOrDefault(team.Id) ?? [], Rules = rules };
            var report = await builder.BuildAsync(team, options, cancellationToken);
            result.Add(new TeamWeeklyEmail(team, report, WeeklyReportEmail.Render(report), Addresses(team.Email)));
        }

        return result;
    }

    /// <summary>
    /// The outbox notifications of <paramref name="team"/> (null: all teams), rendered: those created in
    /// <paramref name="week"/> (in the team's time zone), or, without a week, those not yet sent.
    /// </summary>
    public async Task<IReadOnlyList<AlertMessageSet>> AlertsAsync(Team? team, ReportWeek? week, CancellationToken cancellationToken)
    {
        var notifications = new List<AlertNotification>();
        await foreach (var notification in store.ReadAsync(Entities.AlertNotifications, null, cancellationToken))
        {
            var owner = teams.Teams.FirstOrDefault(t => string.Equals(t.Id, notification.Team, StringComparison.OrdinalIgnoreCase));
            if (team is not null && owner?.Id != team.Id)
            {
                continue;
            }

            var chosen = week is { } w ? w.In(owner?.TimeZone ?? "UTC").Contains(notification.CreatedAt) : notification.SentAt is null;
            if (chosen)
            {
                notifications.Add(notification);
            }
        }

        var sources = new Dictionary<DateTimeOffset, AlertEvidence>();
        var result = new List<AlertMessageSet>();
        foreach (var notification in notifications.OrderBy(n => n.CreatedAt).ThenBy(n => n.GroupKey, StringComparer.Ordinal))
        {
            if (!sources.TryGetValue(notification.CreatedAt, out var evidence))
            {
                // The series as the evaluation that decided the notification saw them.
                var request = new SignalRequest(store, teams.Teams, people, notification.CreatedAt.AddDays(-7 * EvidenceWeeks), notification.CreatedAt, Granularity.Week);
                sources[notification.CreatedAt] = evidence = new AlertEvidence(rules, new SignalSeriesSource(request));
            }

            var alerts = new List<AlertFacts>();
            foreach (var alert in AlertMessages.Facts(notification))
            {
                alerts.Add(alert with { Evidence = alert.Status == AlertStatus.Firing ? await evidence.ChartAsync(alert, cancellationToken) : null });
            }

            var zone = teams.Teams.FirstOrDefault(t => string.Equals(t.Id, notification.Team, StringComparison.OrdinalIgnoreCase))?.TimeZone ?? "UTC";
            result.Add(new AlertMessageSet(
                notification,
                alerts,
                AlertMessages.Email(notification, alerts, zone),
                AlertMessages.Webhook(notification, alerts, zone),
                notification.Channel == "email" ? Addresses(notification.Target) : [notification.Target]));
        }

        return result;
    }

    /// <summary>Addresses in a comma- or semicolon-separated list.</summary>
    public static IReadOnlyList<string> Addresses(string? list) =>
        (list ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
