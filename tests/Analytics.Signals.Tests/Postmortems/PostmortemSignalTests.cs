using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.Work;
using Analytics.Signals.Postmortems;

namespace Analytics.Signals.Tests.Postmortems;

/// <summary>
/// Team "payments" runs service api, UTC, default policy (SEV2 and above, 5 business days). Weeks 2–8 and 9–15 November
/// 2026; "Mon" is Monday 2 November.
/// PX1 SEV1 resolved Mon 10:00: due after Tue, Wed, Thu, Fri, Mon 9 → Tue 10 Nov 00:00; ticket "Postmortem: PX1" labelled
///     postmortem Thu 5 Nov: on time.
/// PX2 SEV2 resolved Tue 3 Nov 12:00: due Wed 11 Nov 00:00; document published Wed 11 Nov 09:00: late.
/// PX3 SEV3: not needed. PX4 SEV2 resolved Wed 4 Nov: due Thu 12 Nov 00:00, nothing: overdue from then.
/// PX5 SEV1 still open, PX6 severity "urgent" (no rank): not needed.
/// Action items (label postmortem-action): AI1 mentions PX1 in its title, created Fri 6 Nov 12:00, open; AI2 mentions
/// PX4 in a label (incident-PX4), created Tue 3 Nov 12:00, resolved Tue 10 Nov; AI3 mentions no incident: ignored.
/// </summary>
public sealed class PostmortemSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task OnTimeShare_ByDueWindow_MatchesHandCount()
    {
        await using var fixture = await CreateAsync();

        var series = (await new PostmortemOnTimeShare().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        // Week 1: nothing due. Week 2: PX1, PX2, PX4 due; PX1 on time: 1/3.
        series.Points.Select(p => p.Value).Should().Equal(null, 1.0 / 3);
        series.Points.Select(p => p.Observations).Should().Equal(0, 3);
    }

    [Fact]
    public async Task Overdue_AtWindowEnd_CountsMissingPastDue()
    {
        await using var fixture = await CreateAsync();

        var series = (await new PostmortemsOverdue().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        // Mon 9 Nov 00:00: nothing due yet. Mon 16 Nov 00:00: PX4 (PX2's document came on Wed 11).
        series.Points.Select(p => p.Value).Should().Equal(0, 1);
    }

    [Fact]
    public async Task ActionItems_OpenAtWindowEnd_CountAndAge()
    {
        await using var fixture = await CreateAsync();

        var open = (await new OpenActionItems().ComputeAsync(fixture.TwoWeeks(), default)).Single();
        var age = (await new ActionItemAge().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        // Mon 9 Nov 00:00: AI1 (2.5 days = 216,000 s) and AI2 (5.5 days = 475,200 s); median 345,600 s.
        // Mon 16 Nov 00:00: AI1 only, 9.5 days = 820,800 s.
        open.Points.Select(p => p.Value).Should().Equal(2, 1);
        age.Points.Select(p => p.Value).Should().Equal(345_600, 820_800);
    }

    [Fact]
    public async Task OnTimeShare_NoIncidents_NoValue()
    {
        await using var fixture = await SignalFixture.CreateAsync();

        var series = (await new PostmortemOnTimeShare().ComputeAsync(fixture.TwoWeeks(), default)).Single();

        series.Points.Should().OnlyContain(p => p.Value == null && p.Observations == 0);
    }

    [Fact]
    public void Deadline_AcrossWeekend_SkipsSaturdayAndSunday()
    {
        // Friday 6 Nov 15:00 in Berlin (UTC+1), 2 business days: Monday and Tuesday → Wednesday 00:00 Berlin = Tue 23:00 UTC.
        BusinessDays.Deadline(new DateTimeOffset(2026, 11, 6, 14, 0, 0, TimeSpan.Zero), 2, "Europe/Berlin")
            .Should().Be(new DateTimeOffset(2026, 11, 10, 23, 0, 0, TimeSpan.Zero));
        // 0 days: the end of the day itself.
        BusinessDays.Deadline(new DateTimeOffset(2026, 11, 6, 14, 0, 0, TimeSpan.Zero), 0, "UTC")
            .Should().Be(new DateTimeOffset(2026, 11, 7, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Deadline_TimeZone_CountsFromTheLocalDay()
    {
        var resolved = new DateTimeOffset(2026, 11, 6, 23, 30, 0, TimeSpan.Zero);

        // In Tokyo (UTC+9) that is Saturday 08:30: 1 business day is Monday → Tuesday 00:00 Tokyo = Mon 9 Nov 15:00 UTC.
        BusinessDays.Deadline(resolved, 1, "Asia/Tokyo").Should().Be(new DateTimeOffset(2026, 11, 9, 15, 0, 0, TimeSpan.Zero));
        // In UTC it is still Friday: 1 business day is Monday too → Tuesday 00:00 UTC.
        BusinessDays.Deadline(resolved, 1, "UTC").Should().Be(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Requires_SeverityRanks_CompareNumbersAndWords()
    {
        var policy = PostmortemPolicy.Default;

        policy.Requires("SEV1").Should().BeTrue();
        policy.Requires("sev2").Should().BeTrue();
        policy.Requires("SEV3").Should().BeFalse();
        policy.Requires("urgent").Should().BeFalse();
        (policy with { MinimumSeverity = "high" }).Requires("critical").Should().BeTrue();
        var unranked = () => policy with { MinimumSeverity = "urgent" };
        unranked.Should().Throw<ArgumentException>();
    }

    private static Task<SignalFixture> CreateAsync() => SignalFixture.CreateAsync(
        Incident("PX1", "SEV1", Mon.AddHours(10)),
        Incident("PX2", "SEV2", Mon.AddDays(1).AddHours(12)) with { PostmortemUrl = "https://wiki/px2", PostmortemAt = Mon.AddDays(9).AddHours(9) },
        Incident("PX3", "SEV3", Mon.AddHours(11)),
        Incident("PX4", "SEV2", Mon.AddDays(2).AddHours(8)),
        Incident("PX5", "SEV1", null),
        Incident("PX6", "urgent", Mon.AddHours(12)),
        Ticket("OPS-1", "Postmortem: PX1", Mon.AddDays(3), null, "postmortem"),
        Ticket("OPS-2", "Alert on retries (PX1)", Mon.AddDays(4).AddHours(12), null, "postmortem-action"),
        Ticket("OPS-3", "Fix the pool size", Mon.AddDays(1).AddHours(12), Mon.AddDays(8), "postmortem-action", "incident-PX4"),
        Ticket("OPS-4", "Unrelated follow-up", Mon.AddDays(1), null, "postmortem-action"));

    private static Incident Incident(string id, string severity, DateTimeOffset? resolved) =>
        new("pagerduty", id, id, "api", severity, resolved is null ? IncidentStatus.Acknowledged : IncidentStatus.Resolved,
            Mon.AddDays(-1), Mon.AddDays(-1), resolved, ValueList<string>.Empty, null, null);

    private static Ticket Ticket(string key, string title, DateTimeOffset created, DateTimeOffset? resolved, params string[] labels) =>
        new("jira", key, "OPS", "Task", title, resolved is null ? "To Do" : "Done", resolved is null ? StatusCategory.ToDo : StatusCategory.Done,
            created, resolved ?? created, resolved, null, null, null, null, null, null, ValueList.From(labels));
}
