using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;
using Analytics.Signals.Tickets;

namespace Analytics.Signals.Tests.Tickets;

/// <summary>
/// Team "payments": alice, bob and carol, each with a Jira account (jira-alice…). Weeks 2–8 and 9–15 November 2026 (UTC);
/// "Mon" is Monday 2 November. Statuses: To Do (ToDo), In Progress, Blocked, On Hold (InProgress), Waiting (ToDo in T9,
/// InProgress in T3), Done, Closed (Done).
/// T1 alice Story: created Mon 09:00; Mon 10:00 To Do → In Progress, Tue 10:00 → Blocked, Wed 10:00 → In Progress,
///    Thu 10:00 → Done. The changelog has no creation entry (Jira's). Cycle 72 h, blocked 24 h.
/// T2 bob Bug: a creation entry (→ To Do) Mon 09:00; Tue 09:00 → In Progress, Tue 15:00 → On Hold, Wed 09:00 → To Do
///    (back to the backlog), Thu 09:00 → In Progress, Fri 09:00 → Done. Cycle Tue 09:00 → Fri 09:00 = 72 h, blocked 18 h.
/// T3 alice Task, reopened: Mon 09:00 → In Progress, Mon 17:00 → Done, Wed 09:00 → In Progress, Thu 09:00 → Waiting,
///    Thu 13:00 → Done, Thu 14:00 → Closed. Resolved Thu 13:00 (the final run of Done statuses starts there):
///    cycle Mon 09:00 → Thu 13:00 = 76 h, blocked 4 h.
/// T4 carol Story: Mon → In Progress, Tue → Done, Wed → In Progress: reopened and open, counted nowhere.
/// T5 bob Bug: Tue 09:00 To Do → Done without work: throughput only.
/// T6 alice Story: Mon 9 Nov 09:00 → In Progress, Tue 10 Nov 09:00 → Done: week 2, cycle 24 h, blocked 0.
/// T7 unassigned, T8 assigned to jira-zoe (in no team): counted nowhere.
/// T9 carol Task: Mon 09:00 → Waiting (a ToDo-category status: blocked before work started does not count),
///    Tue 09:00 → In Progress, Tue 21:00 → Done: cycle 12 h, blocked 0.
/// T10 alice Task: Done with ResolvedAt Wed 12:00 and no transitions at all: throughput only.
/// </summary>
public sealed class TicketSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Fact]
    public async Task Throughput_ResolvedTickets_CountedOncePerTeamAndType()
    {
        await using var fixture = await CreateAsync();

        var throughput = await new TicketThroughput().ComputeAsync(Request(fixture), default);

        // Week 1: Bug T2, T5; Story T1; Task T3 (once, though it reached Done twice), T9, T10. Week 2: Story T6.
        throughput.ToDictionary(s => s.Labels["type"]!, s => s.Points.Select(p => p.Value).ToList())
            .Should().BeEquivalentTo(new Dictionary<string, List<double?>>
            {
                ["Bug"] = [2, 0],
                ["Story"] = [1, 1],
                ["Task"] = [3, 0],
            });
        throughput.Should().OnlyContain(s => s.Labels["team"] == "payments");
    }

    [Fact]
    public async Task CycleTime_StartedAndResolvedTickets_MatchHandComputedValues()
    {
        await using var fixture = await CreateAsync();

        var median = (await new TicketCycleTime().ComputeAsync(Request(fixture), default)).Single();
        var mean = (await new TicketCycleTime().ComputeAsync(Request(fixture) with { Aggregator = Aggregator.Mean }, default)).Single();

        // Week 1: T9 43,200, T1 259,200, T2 259,200, T3 273,600 s (T5 and T10 have no start). Median of the sorted four:
        // (259,200 + 259,200) / 2 = 259,200; mean 835,200 / 4 = 208,800. Week 2: T6 86,400.
        median.Points.Select(p => p.Value).Should().Equal(259_200, 86_400);
        mean.Points.Select(p => p.Value).Should().Equal(208_800, 86_400);
        median.Points.Select(p => p.Observations).Should().Equal(4, 1);
        median.Points[0].HasInterval.Should().BeTrue();
    }

    [Fact]
    public async Task BlockedTime_DefaultStatuses_CountOnlyTimeBlockedDuringTheCycle()
    {
        await using var fixture = await CreateAsync();

        var blocked = (await new TicketBlockedTime().ComputeAsync(Request(fixture), default)).Single();
        var share = (await new TicketBlockedShare().ComputeAsync(Request(fixture), default)).Single();

        // Week 1 blocked: T9 0, T3 14,400 ("Waiting"), T2 64,800 ("On Hold" matches "On hold"), T1 86,400:
        // median (14,400 + 64,800) / 2 = 39,600. Week 2: T6 0.
        blocked.Points.Select(p => p.Value).Should().Equal(39_600, 0);
        // Share: Σ blocked / Σ cycle = (0 + 14,400 + 64,800 + 86,400) / 835,200 = 165,600 / 835,200 = 23/116. Week 2: 0 / 86,400.
        share.Points[0].Value.Should().BeApproximately(23.0 / 116, 1e-12);
        share.Points[1].Value.Should().Be(0);
        share.Points.Select(p => p.Observations).Should().Equal(4, 1);
    }

    [Fact]
    public async Task BlockedTime_ConfiguredStatuses_ReplaceTheDefaults()
    {
        await using var fixture = await CreateAsync();
        string[] onlyWaiting = ["  waiting "];

        var blocked = (await new TicketBlockedTime(onlyWaiting).ComputeAsync(Request(fixture), default)).Single();
        var share = (await new TicketBlockedShare(onlyWaiting).ComputeAsync(Request(fixture), default)).Single();

        // Only T3's 4 h in Waiting: week 1 values [0, 0, 0, 14,400] → median 0; share 14,400 / 835,200 = 1/58.
        blocked.Points[0].Value.Should().Be(0);
        share.Points[0].Value.Should().BeApproximately(1.0 / 58, 1e-12);
    }

    [Fact]
    public void BlockedTime_BlankStatus_IsAnArgumentError()
    {
        var act = () => new TicketBlockedTime(["Blocked", " "]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Catalog_FindsTheTicketSignals()
    {
        SignalCatalog.Find("tickets.throughput").Should().BeOfType<TicketThroughput>();
        SignalCatalog.Find("tickets.cycle_time").Should().BeOfType<TicketCycleTime>();
        SignalCatalog.Find("tickets.blocked_time").Should().BeOfType<TicketBlockedTime>();
        SignalCatalog.Find("tickets.blocked_share").Should().BeOfType<TicketBlockedShare>();
    }

    private static SignalRequest Request(SignalFixture fixture)
    {
        var team = new Team("payments", "Payments", "UTC",
            ValueList.Of(Member("alice"), Member("bob"), Member("carol")), ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        var people = IdentityResolver.Resolve([new Identity("jira", "jira-zoe", "Zoe", null, false, null)], team.Members, []);
        return new SignalRequest(fixture.Store, [team], people, Mon, Mon.AddDays(14), Granularity.Week);
    }

    private static TeamMember Member(string name) =>
        new(name, name, ValueList.Of(new IdentityRef("github", name), new IdentityRef("jira", "jira-" + name)));

    private static Task<SignalFixture> CreateAsync()
    {
        var mon = Mon.AddHours(9);
        DateTimeOffset At(int day, int hour) => Mon.AddDays(day).AddHours(hour);
        var records = new List<object>();
        var change = 100;

        // Adds a ticket whose history moves through (instant, status) in order; the first entry has no "from" when
        // withCreation is set (a creation entry), else it leaves "To Do".
        void Add(string key, string type, string? assignee, DateTimeOffset created, bool withCreation, params (DateTimeOffset At, string Status)[] moves)
        {
            var from = withCreation ? null : "To Do";
            foreach (var (at, status) in moves)
            {
                records.Add(new TicketTransition("jira", key, (change++).ToString(System.Globalization.CultureInfo.InvariantCulture), at,
                    from, status, from is null ? null : Category(from, key), Category(status, key), assignee));
                from = status;
            }

            var last = moves.Length == 0 ? (created, "To Do") : moves[^1];
            var category = Category(last.Item2, key);
            records.Add(new Ticket("jira", key, "PAY", type, key, last.Item2, category, created, last.Item1,
                category == StatusCategory.Done ? last.Item1 : null, null, null, assignee, null, null, null, ValueList<string>.Empty));
        }

        Add("T1", "Story", "jira-alice", mon, false, (At(0, 10), "In Progress"), (At(1, 10), "Blocked"), (At(2, 10), "In Progress"), (At(3, 10), "Done"));
        Add("T2", "Bug", "jira-bob", mon, true, (mon, "To Do"), (At(1, 9), "In Progress"), (At(1, 15), "On Hold"), (At(2, 9), "To Do"), (At(3, 9), "In Progress"), (At(4, 9), "Done"));
        Add("T3", "Task", "jira-alice", mon, false, (mon, "In Progress"), (At(0, 17), "Done"), (At(2, 9), "In Progress"), (At(3, 9), "Waiting"), (At(3, 13), "Done"), (At(3, 14), "Closed"));
        Add("T4", "Story", "jira-carol", mon, false, (mon, "In Progress"), (At(1, 9), "Done"), (At(2, 9), "In Progress"));
        Add("T5", "Bug", "jira-bob", mon, false, (At(1, 9), "Done"));
        Add("T6", "Story", "jira-alice", mon, false, (At(7, 9), "In Progress"), (At(8, 9), "Done"));
        Add("T7", "Story", null, mon, false, (At(1, 9), "In Progress"), (At(2, 9), "Done"));
        Add("T8", "Story", "jira-zoe", mon, false, (At(1, 9), "In Progress"), (At(2, 9), "Done"));
        Add("T9", "Task", "jira-carol", mon, false, (mon, "Waiting"), (At(1, 9), "In Progress"), (At(1, 21), "Done"));
        records.Add(new Ticket("jira", "T10", "PAY", "Task", "T10", "Done", StatusCategory.Done, mon, At(2, 12), At(2, 12),
            null, null, "jira-alice", null, null, null, ValueList<string>.Empty));
        return SignalFixture.CreateAsync([.. records]);
    }

    /// <summary>The status categories of this workflow; "Waiting" is a backlog status in T9's workflow.</summary>
    private static StatusCategory Category(string status, string key) => status switch
    {
        "To Do" => StatusCategory.ToDo,
        "Waiting" when key == "T9" => StatusCategory.ToDo,
        "Done" or "Closed" => StatusCategory.Done,
        _ => StatusCategory.InProgress,
    };
}
