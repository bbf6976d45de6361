using System.Text.Json;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Reports.Alerts;
using Analytics.Reports.Delivery;
using Analytics.Reports.Tests.Weekly;
using Analytics.Testing.Images;

namespace Analytics.Reports.Tests.Alerts;

public sealed class AlertMessagesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Email_FiringGroup_SaysWhatFiredWithValueSinceLabelsLinksAndEvidence()
    {
        var notification = Notification(NotificationKind.Firing, Payload("firing", resolvedAt: null));
        var alerts = AlertMessages.Facts(notification).Select(a => a with { Evidence = WeeklyReportFixture.Alert().Evidence }).ToList();

        var email = AlertMessages.Email(notification, alerts, "Europe/Berlin");

        email.Subject.Should().Be("[FIRING · critical] payments: StalePrs");
        EmailSafety.Check(email).Should().BeEmpty();
        foreach (var fact in new[] { "5 pull requests idle for more than a week", "Value 5", "firing since Tue 10 Nov 2026 10:00 (Europe/Berlin)", "area=review", "https://runbooks.example.com/stale-prs", "https://grafana.example.com/d/review" })
        {
            email.HtmlBody.Should().Contain(fact);
            email.TextBody.Should().Contain(fact);
        }

        var image = email.InlineImages.Should().ContainSingle().Subject;
        email.HtmlBody.Should().Contain($"src=\"cid:{image.ContentId}\"");
        PngImage.Decode(image.Content.Span).Width.Should().Be(AlertEvidence.ChartSize.Width * 2);
    }

    [Fact]
    public void Email_ResolvedGroup_SaysWhenItResolvedAndHasNoChart()
    {
        var notification = Notification(NotificationKind.Resolved, Payload("resolved", resolvedAt: At));
        var alerts = AlertMessages.Facts(notification).Select(a => a with { Evidence = WeeklyReportFixture.Alert().Evidence }).ToList();

        var email = AlertMessages.Email(notification, alerts, "Europe/Berlin");

        email.Subject.Should().Be("[RESOLVED] payments: StalePrs");
        email.TextBody.Should().Contain("Resolved Mon 16 Nov 2026 10:00 (Europe/Berlin); it had fired Tue 10 Nov 2026 10:00 (Europe/Berlin)");
        email.InlineImages.Should().BeEmpty();
        EmailSafety.Check(email).Should().BeEmpty();
    }

    [Fact]
    public void Webhook_FiringGroup_FollowsTheVersionedSchemaWithSlackText()
    {
        var notification = Notification(NotificationKind.Firing, Payload("firing", resolvedAt: null));

        var json = JsonDocument.Parse(AlertMessages.Webhook(notification, AlertMessages.Facts(notification), "Europe/Berlin")).RootElement;

        json.GetProperty("version").GetString().Should().Be("1");
        json.GetProperty("kind").GetString().Should().Be("firing");
        json.GetProperty("idempotencyKey").GetString().Should().Be(notification.IdempotencyKey);
        json.GetProperty("team").GetString().Should().Be("payments");
        json.GetProperty("text").GetString().Should().StartWith("*[FIRING · critical] payments: StalePrs*")
            .And.Contain("<https://runbooks.example.com/stale-prs|Runbook>");
        var alert = json.GetProperty("alerts").EnumerateArray().Should().ContainSingle().Subject;
        alert.GetProperty("alertname").GetString().Should().Be("StalePrs");
        alert.GetProperty("status").GetString().Should().Be("firing");
        alert.GetProperty("value").GetDouble().Should().Be(5);
        alert.GetProperty("labels").GetProperty("area").GetString().Should().Be("review");
        alert.GetProperty("firedAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Facts_PayloadThatIsNotAList_NamesTheNotification()
    {
        var act = () => AlertMessages.Facts(Notification(NotificationKind.Firing, "{\"oops\": 1}"));

        act.Should().Throw<FormatException>().WithMessage("*alert notification key-1*");
    }

    [Fact]
    public void Facts_JavascriptRunbook_IsDropped()
    {
        var payload = Payload("firing", resolvedAt: null).Replace("https://runbooks.example.com/stale-prs", "javascript:alert(1)", StringComparison.Ordinal);

        AlertMessages.Facts(Notification(NotificationKind.Firing, payload)).Single().RunbookUrl.Should().BeNull();
    }

    private static AlertNotification Notification(NotificationKind kind, string payload) =>
        new("key-1", "email", "pay@example.com, lead@example.com", "payments", "email|pay@example.com|team=payments", kind, At, ValueList.Of("0123456789abcdef"), payload, null);

    /// <summary>A payload in the shape <c>AlertLifecycle</c> writes to the outbox.</summary>
    private static string Payload(string status, DateTimeOffset? resolvedAt) => JsonSerializer.Serialize(new[]
    {
        new
        {
            fingerprint = "0123456789abcdef",
            alertname = "StalePrs",
            status,
            severity = "critical",
            labels = new Dictionary<string, string> { ["alertname"] = "StalePrs", ["area"] = "review", ["severity"] = "critical", ["team"] = "payments" },
            annotations = new Dictionary<string, string>
            {
                ["summary"] = "5 pull requests idle for more than a week",
                ["runbook_url"] = "https://runbooks.example.com/stale-prs",
                ["dashboard_url"] = "https://grafana.example.com/d/review",
            },
            value = (double?)5,
            activeSince = (DateTimeOffset?)new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero),
            firedAt = (DateTimeOffset?)new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero),
            resolvedAt,
        },
    });
}
