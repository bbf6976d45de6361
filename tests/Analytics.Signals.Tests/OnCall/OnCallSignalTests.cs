using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.OnCall;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.OnCall;

/// <summary>
/// Team "payments" (alice PA, bob PB, carol PC on PagerDuty) runs service "api" and counts time in Europe/Berlin
/// (UTC+1 in November); team "web" (dave PD) runs "web" in UTC. Weeks start Monday 2 and 9 November 2026, 00:00 local.
/// I1 api Mon 2 10:00 UTC (11:00 Berlin): PA, PB. I2 api Mon 2 17:30 UTC (18:30 Berlin: out of hours, though in hours in
/// UTC): PA. I3 api Sat 7 12:00 UTC: PA listed twice and PX, an account nobody knows. I4 api Tue 3 08:30 UTC: no
/// responders. I5 web Mon 2 10:00: PD. I6 api Wed 11 07:59 UTC (08:59 Berlin: out of hours): PB. I7 api Tue 3 12:00: a bot.
/// </summary>
public sealed class OnCallSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task Pages_PerResponder_CountEachIncidentOncePerPerson()
    {
        await using var fixture = await CreateAsync();

        var pages = await new OnCallPages().ComputeAsync(Request(fixture), default);

        // alice: I1, I2, I3 (listed twice, counted once) = 3; bob: I1 = 1, then I6; carol never paged: 0; PX: I3. dave: I5.
        // I4 has no responder and I7's responder is a bot: neither adds a page.
        PerPerson(pages).Should().BeEquivalentTo(new Dictionary<string, List<double?>>
        {
            ["payments/alice"] = [3, 0],
            ["payments/bob"] = [1, 1],
            ["payments/carol"] = [0, 0],
            ["payments/PX"] = [1, 0],
            ["web/dave"] = [1, 0],
        });
    }

    [Fact]
    public async Task PagesOutOfHours_DefaultHours_UseTheTeamsTimeZone()
    {
        await using var fixture = await CreateAsync();

        var pages = await new OnCallPagesOutOfHours().ComputeAsync(Request(fixture), default);

        // Out of 09:00–18:00 Mon–Fri Berlin time: I2 (18:30), I3 (Saturday), I6 (08:59). I1 (11:00) and I5 (10:00 UTC,
        // web's zone) are in hours.
        PerPerson(pages).Should().BeEquivalentTo(new Dictionary<string, List<double?>>
        {
            ["payments/alice"] = [2, 0],
            ["payments/bob"] = [0, 1],
            ["payments/carol"] = [0, 0],
            ["payments/PX"] = [1, 0],
            ["web/dave"] = [0, 0],
        });
    }

    [Fact]
    public async Task PagesOutOfHours_ConfiguredHours_ReplaceTheDefault()
    {
        await using var fixture = await CreateAsync();
        var everyDay = new WorkingHours(new TimeOnly(8, 0), new TimeOnly(20, 0), Enum.GetValues<DayOfWeek>().ToHashSet());

        var pages = await new OnCallPagesOutOfHours(everyDay).ComputeAsync(Request(fixture), default);

        // 08:00–20:00 every day: I2 (18:30), I3 (Saturday 13:00) and I6 (08:59) are all in hours now.
        pages.Should().OnlyContain(s => s.Points.All(p => p.Value == 0));
    }

    [Fact]
    public async Task LoadGini_PagesPerPerson_MatchTheFormula()
    {
        await using var fixture = await CreateAsync();

        var gini = await new OnCallLoadGini().ComputeAsync(Request(fixture), default);

        // Week 1 payments: loads sorted [0, 1, 1, 3] (carol, bob, PX, alice), n = 4, Σ = 5, Σ i·x = 0 + 2 + 3 + 12 = 17:
        // G = 2 × 17 / (4 × 5) − 5/4 = 1.7 − 1.25 = 0.45. Week 2: the three members [0, 0, 1] (PX, no member, was not paged
        // that week and is not counted): one person carries it all, (n − 1)/n = 2/3.
        var payments = gini.Single(s => s.Labels["team"] == "payments");
        payments.Points[0].Value.Should().BeApproximately(0.45, 1e-12);
        payments.Points[1].Value.Should().BeApproximately(2.0 / 3, 1e-12);
        payments.Points.Select(p => p.Observations).Should().Equal(5, 1);
        // web: one member with one page in week 1 (n = 1: G = 2 × 1 / 1 − 2 = 0); no page in week 2: no value.
        gini.Single(s => s.Labels["team"] == "web").Points.Select(p => p.Value).Should().Equal(0, null);
    }

    [Fact]
    public void WorkingHours_EndBeforeStart_IsAnArgumentError()
    {
        var act = () => new WorkingHours(new TimeOnly(18, 0), new TimeOnly(9, 0), new HashSet<DayOfWeek> { DayOfWeek.Monday });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Catalog_FindsTheOnCallSignals()
    {
        SignalCatalog.Find("oncall.pages").Should().BeOfType<OnCallPages>();
        SignalCatalog.Find("oncall.pages_out_of_hours").Should().BeOfType<OnCallPagesOutOfHours>();
        SignalCatalog.Find("oncall.load_gini").Should().BeOfType<OnCallLoadGini>();
    }

    private static Dictionary<string, List<double?>> PerPerson(IEnumerable<Series.Series> series) =>
        series.ToDictionary(s => $"{s.Labels["team"]}/{s.Labels["person"]}", s => s.Points.Select(p => p.Value).ToList());

    private static SignalRequest Request(SignalFixture fixture)
    {
        Team[] teams =
        [
            new("payments", "Payments", "Europe/Berlin", ValueList.Of(Member("alice", "PA"), Member("bob", "PB"), Member("carol", "PC")),
                ValueList<string>.Empty, ValueList.Of("api"), null),
            new("web", "Web", "UTC", ValueList.Of(Member("dave", "PD")), ValueList<string>.Empty, ValueList.Of("web"), null),
        ];
        var people = IdentityResolver.Resolve(
            [new Identity("pagerduty", "pd-bot", "Automation", null, true, null)], teams.SelectMany(t => t.Members), []);
        // Ends at Monday 16 November 00:00 in Berlin (23:00 UTC the day before): two whole Berlin weeks.
        return new SignalRequest(fixture.Store, teams, people, Mon, Mon.AddDays(14).AddHours(-1), Granularity.Week);
    }

    private static TeamMember Member(string name, string pagerDuty) =>
        new(name, name, ValueList.Of(new IdentityRef("github", name), new IdentityRef("pagerduty", pagerDuty)));

    private static Task<SignalFixture> CreateAsync() => SignalFixture.CreateAsync(
        Incident("I1", "api", Mon.AddHours(10), "PA", "PB"),
        Incident("I2", "api", Mon.AddHours(17.5), "PA"),
        Incident("I3", "api", Mon.AddDays(5).AddHours(12), "PA", "pa", "PX"),
        Incident("I4", "api", Mon.AddDays(1).AddHours(8.5)),
        Incident("I5", "web", Mon.AddHours(10), "PD"),
        Incident("I6", "api", Mon.AddDays(9).AddHours(7).AddMinutes(59), "PB"),
        Incident("I7", "api", Mon.AddDays(1).AddHours(12), "pd-bot"));

    private static Incident Incident(string id, string service, DateTimeOffset created, params string[] responders) =>
        new("pagerduty", id, $"Incident {id}", service, "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
            ValueList.From(responders), null, null);
}
