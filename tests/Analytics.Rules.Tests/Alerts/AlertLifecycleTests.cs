using Analytics.Domain.Alerts;
using Analytics.Rules.Tests.Language;
using static Analytics.Rules.Tests.Alerts.LifecycleHarness;

namespace Analytics.Rules.Tests.Alerts;

public sealed class AlertLifecycleTests
{
    // Pay is above 10 from week 1 (12) to week 3, then drops to 5 in week 4.
    private static readonly Signals.Series.Series Pay = SeriesBuilder.Weekly("a", "team=pay", 5, 12, 13, 14, 5, 5);
    private static readonly Signals.Series.Series Search = SeriesBuilder.Weekly("a", "team=search", 20, 20, 20, 20, 20, 20);

    [Fact]
    public void Advance_ConditionHoldsLessThanFor_StaysPending()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("2d"), Pay);

        harness.At(Week(2));
        harness.At(Week(2, 1));

        harness.Only("pay").Status.Should().Be(AlertStatus.Pending);
        harness.Only("pay").ActiveSince.Should().Be(Week(2));
        harness.Notifications.Should().BeEmpty();
    }

    [Fact]
    public void Advance_ConditionHoldsForFor_FiresOnceThenRepeatsAfterTheInterval()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("2d", repeat: "3d"), Pay);

        harness.At(Week(2));
        harness.At(Week(2, 2));
        harness.Only("pay").Status.Should().Be(AlertStatus.Firing);
        harness.Only("pay").FiredAt.Should().Be(Week(2, 2));
        // One notification per channel: the pay team's e-mail and the Slack hook.
        harness.Notifications.Select(n => (n.Channel, n.Target, n.Kind)).Should().BeEquivalentTo(new[]
        {
            ("email", "pay-leads@example.com", NotificationKind.Firing),
            ("slack", "https://hooks.example.com/T1", NotificationKind.Firing),
        });

        harness.At(Week(2, 3));
        harness.At(Week(2, 4.9));
        harness.Notifications.Should().HaveCount(2, "nothing is repeated within the 3-day repeat interval");

        harness.At(Week(2, 5));
        harness.Notifications.Should().HaveCount(4, "3 days after the last notification it is repeated on both channels");
    }

    [Fact]
    public void Advance_ConditionStops_ResolvesOnceWithOneNotification()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("0s"), Pay);
        harness.At(Week(2));
        harness.Notifications.Should().HaveCount(2, "for: 0s fires at once");

        harness.At(Week(5));
        harness.At(Week(5, 1));
        harness.At(Week(5, 2));

        harness.Only("pay").Status.Should().Be(AlertStatus.Resolved);
        harness.Only("pay").ResolvedAt.Should().Be(Week(5));
        harness.Notifications.Skip(2).Select(n => n.Kind).Should().Equal(NotificationKind.Resolved, NotificationKind.Resolved);
        harness.Notifications.Skip(2).Should().OnlyContain(n => n.CreatedAt == Week(5));
    }

    [Fact]
    public void Advance_PendingThatStops_GoesInactiveWithoutNotifications()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("2w"), Pay);
        harness.At(Week(2));

        harness.At(Week(5));

        harness.Only("pay").Status.Should().Be(AlertStatus.Inactive);
        harness.Notifications.Should().BeEmpty();
    }

    [Fact]
    public void Advance_FiresAgainAfterResolving_StartsANewEpisode()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("0s"), Pay);
        harness.At(Week(2));
        harness.At(Week(5));
        harness.Series = [SeriesBuilder.Weekly("a", "team=pay", 5, 12, 13, 14, 5, 50)];

        harness.At(Week(6));

        harness.Only("pay").Status.Should().Be(AlertStatus.Firing);
        harness.Only("pay").FiredAt.Should().Be(Week(6));
        harness.Notifications.Count(n => n.Kind == NotificationKind.Firing).Should().Be(4, "the new episode is announced at once");
    }

    [Fact]
    public void Advance_SilencedAlert_ChangesStateButIsNotAnnounced()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("0s"), Pay, Search);
        harness.Silences.Add(new Silence("s1", "{team=\"pay\", alertname=~\"Above.*\"}", Week(0), Week(3), "ana", "migration week", Week(0)));

        harness.At(Week(2));

        harness.Only("pay").Status.Should().Be(AlertStatus.Firing);
        harness.Only("pay").Silenced.Should().BeTrue();
        harness.Notifications.Should().OnlyContain(n => n.Team == "search");
        harness.Notifications.Select(n => n.Target).Should().Contain("leads@example.com", "search has no team entry: the default recipients");

        // The silence ends while it still fires: now it is announced.
        harness.At(Week(3));
        harness.Notifications.Should().Contain(n => n.Team == "pay" && n.Kind == NotificationKind.Firing);
    }

    [Fact]
    public void Advance_SilencedResolution_IsSettledWithoutANotification()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("0s"), Pay);
        harness.At(Week(2));
        harness.Silences.Add(new Silence("s1", "{team=\"pay\"}", Week(4), Week(10), "ana", "known", Week(4)));

        harness.At(Week(5));
        harness.At(Week(11));

        harness.Only("pay").ResolvedNotified.Should().BeTrue();
        harness.Notifications.Should().OnlyContain(n => n.Kind == NotificationKind.Firing);
    }

    [Fact]
    public void Advance_TwoAlertsOfOneTeam_AreGroupedIntoOneNotificationPerChannel()
    {
        var group = RuleFixture.Group("""
              - alert: AboveTen
                expr: a > 10
                severity: warning
                routing: { webhooks: [https://hooks.example.com/x] }
              - alert: BAboveTen
                expr: b > 10
                severity: warning
                routing: { webhooks: [https://hooks.example.com/x] }
        """);
        var harness = new LifecycleHarness(group, Pay, SeriesBuilder.Weekly("b", "team=pay", 50, 50, 50));

        harness.At(Week(2));

        var notification = harness.Notifications.Should().ContainSingle().Subject;
        notification.Alerts.Should().HaveCount(2);
        notification.GroupKey.Should().Be("webhook|https://hooks.example.com/x|team=pay");
        notification.Payload.Should().Contain("\"alertname\":\"AboveTen\"").And.Contain("\"alertname\":\"BAboveTen\"");
    }

    [Fact]
    public void Advance_RuleThatFailed_LeavesItsAlertsAlone()
    {
        var group = RuleFixture.AboveTen("0s");
        var harness = new LifecycleHarness(group, Pay);
        harness.At(Week(2));
        var before = harness.Only("pay");

        var failed = new Analytics.Rules.Alerts.RuleOutcome(group.Rules[0], [], "signal 'a' could not be computed");
        var result = Analytics.Rules.Alerts.AlertLifecycle.Advance(harness.States, [failed], [], Week(5));

        result.States.Should().BeEmpty();
        result.Notifications.Should().BeEmpty();
        harness.Only("pay").Should().Be(before);
    }

    [Fact]
    public void Advance_Annotations_AreRenderedPerAlert()
    {
        var harness = new LifecycleHarness(RuleFixture.AboveTen("0s"), Pay, Search);

        harness.At(Week(2));

        Analytics.Rules.Alerts.LabelJson.Read(harness.Only("pay").Annotations)["summary"].Should().Be("pay is at 12", "at week 2 the complete windows are weeks 0 and 1: 5, 12");
        Analytics.Rules.Alerts.LabelJson.Read(harness.Only("search").Annotations)["summary"].Should().Be("search is at 20");
    }
}
