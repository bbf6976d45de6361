using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Interruptions;
using Analytics.Signals.OnCall;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Interruptions;

/// <summary>
/// Team "payments" (UTC, default hours 09:00–18:00 Mon–Fri, service "api"): alice (team's zone and hours); bob in
/// America/New_York working 09:00–17:30 Mon–Fri; carol in Asia/Tokyo with the team's hours. Weeks in UTC: week 1 from
/// Monday 26 October 2026, week 2 from Monday 2 November. New York leaves daylight saving on Sunday 1 November, so the
/// same UTC time is an hour earlier there in week 2 (UTC−5) than in week 1 (UTC−4).
/// <list type="bullet">
/// <item>Commits: C1 bob Mon 26 13:45 UTC (09:45 EDT: in); C8 alice Tue 27 19:00 (after 18:00: off); C2 bob Mon 2 13:45
/// (08:45 EST: off); C3 bob Mon 2 22:15 (17:15 EST: in); C4 carol Mon 2 23:30 (Tue 08:30 JST: off); C5 carol Fri 6 16:00
/// (Sat 01:00 JST: off, and a day off in Tokyo though Friday in UTC); C6 alice Sat 7 10:00 (off, weekend); C7 alice Tue 3
/// 10:00 (in); C9 the same hash as C7 in another repository (counted once); C10 a bot at night (left out).</item>
/// <item>Pages: I1 Wed 28 03:00 alice (off); I3 Wed 28 13:30 bob (09:30 EDT: in); I2 Wed 4 13:30 bob (08:30 EST: off);
/// I4 Thu 5 10:00 alice (in) and carol (19:00 JST: off).</item>
/// <item>Tickets: T2 a Story labelled "unplanned" for bob, Tue 27; T1 a Bug for alice, Tue 3; T3 a plain Story for alice
/// (planned); T4 an Incident for an account in no team.</item>
/// </list>
/// </summary>
public sealed class InterruptionSignalTests
{
    private static readonly DateTimeOffset Week1 = SignalFixture.Monday.AddDays(-7);
    private static readonly DateTimeOffset Week2 = SignalFixture.Monday;

    [Fact]
    public async Task OffHoursShare_PerPersonZonesAndHours_AcrossDaylightSaving()
    {
        await using var fixture = await CreateAsync();

        var share = await new OffHoursWork().ComputeAsync(Request(fixture), default);

        // Week 1: commits C1 (in), C8 (off): 1 of 2; pages I1 (off), I3 (in): 1 of 2; all 2 of 4.
        // Week 2: commits C2, C4, C5, C6 off, C3, C7 in: 4 of 6; pages I2 and carol's I4 off, alice's I4 in: 2 of 3; all 6 of 9.
        var byKind = share.ToDictionary(s => s.Labels["kind"]!, s => s.Points.Select(p => p.Value).ToList());
        byKind["commit"].Should().Equal(0.5, 4.0 / 6);
        byKind["page"].Should().Equal(0.5, 2.0 / 3);
        byKind["all"].Should().Equal(0.5, 6.0 / 9);
        share.Single(s => s.Labels["kind"] == "all").Points.Select(p => p.Observations).Should().Equal(4, 9);
    }

    [Fact]
    public async Task WeekendShare_DaysOffInEachPersonsZone_Count()
    {
        await using var fixture = await CreateAsync();

        var share = await new WeekendWork().ComputeAsync(Request(fixture), default);

        // Week 1: nothing on a weekend. Week 2: C5 (Saturday in Tokyo) and C6 (Saturday): 2 of 6 commits, 0 of 3 pages.
        var byKind = share.ToDictionary(s => s.Labels["kind"]!, s => s.Points.Select(p => p.Value).ToList());
        byKind["commit"].Should().Equal(0, 2.0 / 6);
        byKind["page"].Should().Equal(0, 0);
        byKind["all"].Should().Equal(0, 2.0 / 9);
    }

    [Fact]
    public async Task PagesOutOfHours_MemberZonesAndHours_ReplaceTheTeams()
    {
        await using var fixture = await CreateAsync();

        var pages = await new OnCallPagesOutOfHours().ComputeAsync(Request(fixture), default);

        // alice: I1 (03:00 UTC). bob: I2 only (08:30 EST; I3 was 09:30 EDT). carol: I4 (19:00 in Tokyo, 10:00 in UTC).
        pages.ToDictionary(s => s.Labels["person"]!, s => s.Points.Select(p => p.Value).ToList()).Should().BeEquivalentTo(
            new Dictionary<string, List<double?>> { ["alice"] = [1, 0], ["bob"] = [0, 1], ["carol"] = [0, 1] });
    }

    [Fact]
    public async Task Count_PagesIncidentsAndUnplannedTickets_PerTeamAndKind()
    {
        await using var fixture = await CreateAsync();

        var count = await new InterruptionCount().ComputeAsync(Request(fixture), default);

        // Pages: week 1 I1 + I3 = 2; week 2 I2 + I4 twice (alice, carol) = 3. Incidents: 2 and 2.
        // Unplanned: T2 (labelled) in week 1, T1 (a Bug) in week 2; T3 is planned and T4 in no team.
        count.ToDictionary(s => s.Labels["kind"]!, s => s.Points.Select(p => p.Value).ToList()).Should().BeEquivalentTo(
            new Dictionary<string, List<double?>> { ["page"] = [2, 3], ["incident"] = [2, 2], ["unplanned_ticket"] = [1, 1] });
    }

    [Fact]
    public async Task Load_PagesPlusUnplannedTickets_PerPerson()
    {
        await using var fixture = await CreateAsync();

        var load = await new InterruptionLoad().ComputeAsync(Request(fixture), default);

        // alice: I1 | I4 + T1. bob: I3 + T2 | I2. carol: nothing | I4.
        load.ToDictionary(s => s.Labels["person"]!, s => s.Points.Select(p => p.Value).ToList()).Should().BeEquivalentTo(
            new Dictionary<string, List<double?>> { ["alice"] = [1, 2], ["bob"] = [2, 1], ["carol"] = [0, 1] });
    }

    [Fact]
    public async Task OffHoursShare_TeamHours_ApplyToMembersWithoutTheirOwn()
    {
        await using var fixture = await CreateAsync();
        var request = Request(fixture);
        var lateTeam = request.Teams[0] with { WorkingHours = WorkingHours.Parse("10:00-20:00 Mon-Fri", out _)! };

        var share = await new OffHoursWork().ComputeAsync(request with { Teams = [lateTeam] }, default);

        // alice now works 10:00–20:00 UTC: C8 (19:00) is in hours, C7 (10:00) still in. Week 1 commits: C1 in, C8 in: 0 of 2.
        share.Single(s => s.Labels["kind"] == "commit").Points[0].Value.Should().Be(0);
    }

    [Theory]
    [InlineData("09:00-17:30 Mon-Fri", "09:00-17:30 Mon,Tue,Wed,Thu,Fri")]
    [InlineData("08:00-16:00 Sun-Thu", "08:00-16:00 Sun,Mon,Tue,Wed,Thu")]
    [InlineData("07:30-15:00 Sat-Mon", "07:30-15:00 Sun,Mon,Sat")]
    [InlineData("10:00-18:00", "10:00-18:00 Mon,Tue,Wed,Thu,Fri")]
    [InlineData("09:00-13:00 mon,wed", "09:00-13:00 Mon,Wed")]
    public void WorkingHoursParse_Text_GivesHoursAndDays(string text, string expected)
    {
        WorkingHours.Parse(text, out var error)!.ToString().Should().Be(expected);
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("9-5")]
    [InlineData("18:00-09:00 Mon-Fri")]
    [InlineData("09:00-17:00 Monday-Friday")]
    [InlineData("09:00-17:00 Mon-Fri extra")]
    public void WorkingHoursParse_BadText_SaysWhatIsWrong(string text)
    {
        WorkingHours.Parse(text, out var error).Should().BeNull();
        error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Catalog_FindsTheInterruptionSignals()
    {
        SignalCatalog.Find("interruptions.count").Should().BeOfType<InterruptionCount>();
        SignalCatalog.Find("interruptions.load").Should().BeOfType<InterruptionLoad>();
        SignalCatalog.Find("offhours.share").Should().BeOfType<OffHoursWork>();
        SignalCatalog.Find("offhours.weekend_share").Should().BeOfType<WeekendWork>();
    }

    private static SignalRequest Request(SignalFixture fixture)
    {
        var team = new Team("payments", "Payments", "UTC",
            ValueList.Of(
                Member("alice"),
                Member("bob") with { TimeZone = "America/New_York", WorkingHours = WorkingHours.Parse("09:00-17:30 Mon-Fri", out _) },
                Member("carol") with { TimeZone = "Asia/Tokyo" }),
            ValueList.Of("acme/api"), ValueList.Of("api"), null);
        var people = IdentityResolver.Resolve([new Identity("git", "bot@x", "Bot", "bot@x", true, null)], team.Members, []);
        return new SignalRequest(fixture.Store, [team], people, Week1, Week2.AddDays(7), Granularity.Week);
    }

    private static TeamMember Member(string name) => new(name, name, ValueList.Of(
        new IdentityRef("git", $"{name}@x"), new IdentityRef("pagerduty", "P" + name), new IdentityRef("jira", "J" + name)));

    private static Task<SignalFixture> CreateAsync() => SignalFixture.CreateAsync(
        Commit("C1", "bob", Week1.AddHours(13.75)),
        Commit("C8", "alice", Week1.AddDays(1).AddHours(19)),
        Commit("C2", "bob", Week2.AddHours(13.75)),
        Commit("C3", "bob", Week2.AddHours(22.25)),
        Commit("C4", "carol", Week2.AddHours(23.5)),
        Commit("C5", "carol", Week2.AddDays(4).AddHours(16)),
        Commit("C6", "alice", Week2.AddDays(5).AddHours(10)),
        Commit("C7", "alice", Week2.AddDays(1).AddHours(10)),
        Commit("C7", "alice", Week2.AddDays(1).AddHours(10)) with { Repository = "acme/fork" },
        Commit("C10", "bot", Week2.AddDays(1).AddHours(2)),
        Incident("I1", Week1.AddDays(2).AddHours(3), "Palice"),
        Incident("I3", Week1.AddDays(2).AddHours(13.5), "Pbob"),
        Incident("I2", Week2.AddDays(2).AddHours(13.5), "Pbob"),
        Incident("I4", Week2.AddDays(3).AddHours(10), "Palice", "Pcarol"),
        Ticket("T2", "Story", "Jbob", Week1.AddDays(1), "unplanned"),
        Ticket("T1", "Bug", "Jalice", Week2.AddDays(1)),
        Ticket("T3", "Story", "Jalice", Week2.AddDays(1)),
        Ticket("T4", "Incident", "Jsomeone", Week2.AddDays(1)));

    private static Commit Commit(string sha, string author, DateTimeOffset at) =>
        new("git", "acme/api", sha, author, $"{author}@x", at, author, $"{author}@x", at, 1, 1, 1, "change");

    private static Incident Incident(string id, DateTimeOffset created, params string[] responders) =>
        new("pagerduty", id, id, "api", "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
            ValueList.From(responders), null, null);

    private static Ticket Ticket(string key, string type, string assignee, DateTimeOffset created, params string[] labels) =>
        new("jira", key, "PAY", type, key, "Open", StatusCategory.ToDo, created, created, null, null, null, assignee, null, null, null,
            ValueList.From(labels));
}
