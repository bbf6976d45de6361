using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Reports.Delivery;
using Analytics.Reports.Email;
using Analytics.Reports.Weekly;
using Analytics.Rules.Alerts;
using Analytics.Signals.Series;
using static Analytics.Reports.Email.EmailHtml;

namespace Analytics.Reports.Alerts;

/// <summary>
/// Renders a notification of the alert outbox (one alert group: one team, one channel) as a short e-mail and as a
/// webhook JSON body (schema <see cref="WebhookVersion"/>, documented in <c>docs/reports.md</c>). A firing message lists
/// what fired, the value, since when, the labels, dashboard and runbook links and the evidence chart; a resolved
/// message says what resolved and when.
/// </summary>
public static class AlertMessages
{
    /// <summary>The version of the webhook body's schema; changes that remove or rename fields raise it.</summary>
    public const string WebhookVersion = "1";

    /// <summary>The alerts a notification carries, from its payload, without evidence charts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="FormatException">The payload is not the outbox's JSON (names the notification's key).</exception>
    public static IReadOnlyList<AlertFacts> Facts(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            var alerts = JsonNode.Parse(notification.Payload)?.AsArray() ?? throw new FormatException("the payload is empty");
            return alerts.Select(a => AlertEvidence.Facts(
                (string)a!["fingerprint"]!,
                (string)a["alertname"]!,
                Enum.Parse<AlertStatus>((string)a["status"]!, ignoreCase: true),
                Enum.Parse<AlertSeverity>((string)a["severity"]!, ignoreCase: true),
                Labels.Of(Strings(a["labels"]).Select(p => new Label(p.Key, p.Value)).ToArray()),
                Strings(a["annotations"]),
                (double?)a["value"],
                (DateTimeOffset?)a["firedAt"] ?? (DateTimeOffset?)a["activeSince"],
                (DateTimeOffset?)a["resolvedAt"])).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            throw new FormatException($"alert notification {notification.IdempotencyKey}: the payload is not a list of alerts: {e.Message}", e);
        }
    }

    /// <summary>"[FIRING · critical] payments: SlowCi, StalePrs (3 alerts)" or "[RESOLVED] payments: SlowCi".</summary>
    public static string Subject(AlertNotification notification, IReadOnlyList<AlertFacts> alerts)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(alerts);
        var rules = alerts.Select(a => a.Rule).Distinct(StringComparer.Ordinal).ToList();
        var names = rules.Count <= 2 ? string.Join(", ", rules) : $"{rules[0]}, {rules[1]} and {rules.Count - 2} more";
        var count = alerts.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({alerts.Count} alerts)");
        var firing = alerts.Where(a => a.Status == AlertStatus.Firing).ToList();
        var state = notification.Kind == NotificationKind.Firing && firing.Count > 0
            ? $"FIRING · {MetricText.Severity(firing.Max(a => a.Severity))}"
            : "RESOLVED";
        return $"[{state}] {notification.Team ?? "no team"}: {names}{count}";
    }

    /// <summary>The e-mail of a notification whose alerts are <paramref name="alerts"/> (with evidence charts when known).</summary>
    /// <param name="notification">The outbox row.</param>
    /// <param name="alerts">Its alerts, from <see cref="Facts"/>, optionally with <see cref="AlertFacts.Evidence"/>.</param>
    /// <param name="timeZone">The IANA time zone times are written in (the team's).</param>
    /// <exception cref="Charts.SvgRasterizationException">An evidence chart could not be rasterised.</exception>
    public static EmailMessage Email(AlertNotification notification, IReadOnlyList<AlertFacts> alerts, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(alerts);
        var subject = Subject(notification, alerts);
        var charts = new InlineCharts(notification.IdempotencyKey[..Math.Min(12, notification.IdempotencyKey.Length)]);
        var html = new StringBuilder();
        Open(html, subject, Headline(alerts));
        html.Append($"<h1 style=\"margin:0 0 12px;font-size:20px;line-height:26px;color:#1d2330;{Font}\">{E(subject)}</h1>\n");
        foreach (var alert in Ordered(alerts))
        {
            var resolved = alert.Status != AlertStatus.Firing;
            var colour = resolved ? "#009e73" : alert.Severity switch { AlertSeverity.Critical => "#b3001b", AlertSeverity.Warning => "#d55e00", _ => "#0072b2" };
            html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td style=\"padding:10px 12px;border-left:4px solid {colour};background-color:#f7f8fa;\">\n");
            html.Append($"<p style=\"{Text}\"><span style=\"font-size:11px;text-transform:uppercase;color:{colour};font-weight:bold;\">{E(resolved ? "resolved" : MetricText.Severity(alert.Severity))}</span> <strong>{E(alert.Rule)}</strong>: {E(alert.Summary)}</p>\n");
            foreach (var line in Lines(alert, timeZone))
            {
                html.Append($"<p style=\"{Text}font-size:13px;\">{E(line)}</p>\n");
            }

            var links = Links(alert).Select(l => Link(l.Url, l.Name)).ToList();
            if (links.Count > 0)
            {
                html.Append($"<p style=\"{Text}font-size:13px;\">{string.Join(" · ", links)}</p>\n");
            }

            if (!resolved && alert.Evidence is { } evidence)
            {
                html.Append(charts.Add("evidence", evidence.Spec, AlertEvidence.ChartSize)).Append('\n');
            }

            html.Append("</td></tr><tr><td style=\"height:10px;line-height:10px;font-size:10px;\">&nbsp;</td></tr></table>\n");
        }

        Close(html, $"Sent by Analytics for the alert group {notification.GroupKey}. Notification {notification.IdempotencyKey}, decided {notification.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.");
        var message = new EmailMessage(subject, html.ToString(), Text(notification, alerts, subject, timeZone), charts.Images, ValueList<EmailAttachment>.Empty);
        EmailSafety.EnsureSafe(message);
        return message;
    }

    /// <summary>The webhook body: JSON with <c>version</c>, the group, a Slack-compatible <c>text</c> and the alerts.</summary>
    public static string Webhook(AlertNotification notification, IReadOnlyList<AlertFacts> alerts, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(alerts);
        var subject = Subject(notification, alerts);
        var body = new JsonObject
        {
            ["version"] = WebhookVersion,
            ["kind"] = notification.Kind == NotificationKind.Firing ? "firing" : "resolved",
            ["idempotencyKey"] = notification.IdempotencyKey,
            ["team"] = notification.Team,
            ["groupKey"] = notification.GroupKey,
            ["createdAt"] = notification.CreatedAt,
            ["title"] = subject,
            ["text"] = SlackText(subject, alerts, timeZone),
            ["alerts"] = new JsonArray(Ordered(alerts).Select(a => (JsonNode)new JsonObject
            {
                ["fingerprint"] = a.Fingerprint,
                ["alertname"] = a.Rule,
                ["status"] = a.Status.ToString().ToLowerInvariant(),
                ["severity"] = MetricText.Severity(a.Severity),
                ["summary"] = a.Summary,
                ["description"] = a.Description,
                ["value"] = a.Value,
                ["firedAt"] = a.Since,
                ["resolvedAt"] = a.ResolvedAt,
                ["labels"] = new JsonObject(a.Labels.Items.Select(l => KeyValuePair.Create(l.Name, (JsonNode?)l.Value))),
                ["dashboardUrl"] = a.DashboardUrl,
                ["runbookUrl"] = a.RunbookUrl,
            }).ToArray()),
        };
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static IEnumerable<AlertFacts> Ordered(IReadOnlyList<AlertFacts> alerts) =>
        alerts.OrderBy(a => a.Status == AlertStatus.Firing ? 0 : 1).ThenByDescending(a => a.Severity).ThenBy(a => a.Rule, StringComparer.Ordinal).ThenBy(a => a.Fingerprint, StringComparer.Ordinal);

    private static IEnumerable<string> Lines(AlertFacts alert, string timeZone)
    {
        if (alert.Status == AlertStatus.Firing)
        {
            yield return $"Value {MetricText.AlertValue(alert)}; firing since {MetricText.When(alert.Since, timeZone)}.";
        }
        else
        {
            yield return $"Resolved {MetricText.When(alert.ResolvedAt, timeZone)}; it had fired {MetricText.When(alert.Since, timeZone)} (last value {MetricText.AlertValue(alert)}).";
        }

        if (alert.Description is { } description)
        {
            yield return description;
        }

        var labels = MetricText.Labels(alert);
        if (labels.Length > 0)
        {
            yield return $"Labels: {labels}";
        }
    }

    private static IEnumerable<(string Name, string Url)> Links(AlertFacts alert)
    {
        if (alert.DashboardUrl is { } dashboard)
        {
            yield return ("Dashboard", dashboard);
        }

        if (alert.RunbookUrl is { } runbook)
        {
            yield return ("Runbook", runbook);
        }
    }

    private static string Headline(IReadOnlyList<AlertFacts> alerts) =>
        string.Join("; ", Ordered(alerts).Select(a => a.Summary));

    private static string Text(AlertNotification notification, IReadOnlyList<AlertFacts> alerts, string subject, string timeZone)
    {
        var text = new StringBuilder(subject).Append("\n\n");
        foreach (var alert in Ordered(alerts))
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{(alert.Status == AlertStatus.Firing ? MetricText.Severity(alert.Severity) : "resolved")}] {alert.Rule}: {alert.Summary}\n");
            foreach (var line in Lines(alert, timeZone))
            {
                text.Append("  ").Append(line).Append('\n');
            }

            foreach (var (name, url) in Links(alert))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {name}: {url}\n");
            }

            if (alert.Status == AlertStatus.Firing && alert.Evidence is { } evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"  Chart: {evidence.Spec.Description}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nAlert group {notification.GroupKey}; notification {notification.IdempotencyKey}.\n");
        return text.ToString();
    }

    /// <summary>Slack mrkdwn: a bold title and one line per alert, links as &lt;url|name&gt;.</summary>
    private static string SlackText(string subject, IReadOnlyList<AlertFacts> alerts, string timeZone)
    {
        var text = new StringBuilder("*").Append(Slack(subject)).Append('*');
        foreach (var alert in Ordered(alerts))
        {
            text.Append("\n• ").Append(Slack($"{alert.Rule}: {alert.Summary}"));
            text.Append(" (").Append(Slack(alert.Status == AlertStatus.Firing
                ? $"value {MetricText.AlertValue(alert)}, since {MetricText.When(alert.Since, timeZone)}"
                : $"resolved {MetricText.When(alert.ResolvedAt, timeZone)}")).Append(')');
            foreach (var (name, url) in Links(alert))
            {
                text.Append(CultureInfo.InvariantCulture, $" <{url}|{name}>");
            }
        }

        return text.ToString();
    }

    /// <summary>Slack's three control characters escaped, as its API asks.</summary>
    private static string Slack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static Dictionary<string, string> Strings(JsonNode? node) =>
        node?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal) ?? [];
}
