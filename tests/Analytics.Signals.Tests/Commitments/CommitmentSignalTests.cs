using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;

namespace Analytics.Signals.Tests.Commitments;

/// <summary>
/// Team "payments" (alice = jira-alice), UTC, weeks 2–8 and 9–15 November 2026. Sprint S1 starts Mon 2 Nov 09:00 and is
/// completed Fri 13 Nov 17:00 (week 2). Its tickets, all alice's:
/// A 3 pts added Fri 30 Oct, resolved Wed 4 Nov: committed, done.
/// B 5 pts added Fri 30 Oct, never resolved: committed, carried over.
/// C 2 pts added Fri 30 Oct, removed Tue 3 Nov: committed, not done (it left), not carried over.
/// D 1 pt added Wed 4 Nov, resolved Thu 5 Nov: scope added after the start.
/// E 8 pts with sprint field "S1" and no change (created in the sprint, Tue 27 Oct), resolved Sat 14 Nov: committed, carried over.
/// F 13 pts added Mon 2 Nov 09:00, at the very start (counts as committed), resolved Tue 10 Nov: done.
/// A sprint belongs to the team most of its tickets — those in it at some moment from its start to its end — count for.
/// </summary>
public sealed class CommitmentSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;
    private static readonly DateTimeOffset Start = Mon.AddHours(9);

    [Fact]
    public async Task SprintCompletion_CommittedAndDone_MatchesHandCount()
    {
        await using var fixture = await CreateAsync(SprintRecords());

        var series = await new SprintCompletion().ComputeAsync(Request(fixture), default);

        // Committed A, B, C, E, F = 5 tickets, 3 + 5 + 2 + 8 + 13 = 31 points; done by the end A and F = 2, 16 points.
        // Week 1: no sprint ended, no value.
        Point(series, "tickets").Should().Equal(null, 0.4);
        Point(series, "points").Should().Equal(null, 16.0 / 31);
        series.Single(s => s.Labels["measure"] == "tickets").Points.Select(p => p.Observations).Should().Equal(0, 1);
    }

    [Fact]
    public async Task ScopeAdded_AfterStart_RelativeToCommitted()
    {
        await using var fixture = await CreateAsync(SprintRecords());

        var series = await new SprintScopeAdded().ComputeAsync(Request(fixture), default);

        // D only: 1 ticket of 5 committed, 1 point of 31.
        Point(series, "tickets").Should().Equal(null, 0.2);
        Point(series, "points").Should().Equal(null, 1.0 / 31);
    }

    [Fact]
    public async Task CarryOver_InSprintAtEndAndNotDone_Counted()
    {
        await using var fixture = await CreateAsync(SprintRecords());

        var series = await new SprintCarryOver().ComputeAsync(Request(fixture), default);

        // In S1 at Fri 13 Nov 17:00: A, B, D, E, F; unresolved then: B (5) and E (8, resolved the next day).
        Point(series, "tickets").Should().Equal(null, 2);
        Point(series, "points").Should().Equal(null, 13);
    }

    [Fact]
    public async Task SprintSignals_NoSprints_NoSeriesAndForecastInstead()
    {
        // Four weeks before the period: 2, 2, 4, 4 tickets resolved (each Wednesday); week 1: 6; week 2: none.
        var tickets = new List<Ticket>();
        var perWeek = new[] { 2, 2, 4, 4, 6, 0 };
        for (var week = 0; week < perWeek.Length; week++)
        {
            for (var i = 0; i < perWeek[week]; i++)
            {
                tickets.Add(Ticket($"PAY-{(week * 10) + i + 100}", 1, Mon.AddDays((7 * (week - 4)) + 2), Mon.AddDays(-60)));
            }
        }

        await using var fixture = await CreateAsync([.. tickets]);

        (await new SprintCompletion().ComputeAsync(Request(fixture), default)).Should().BeEmpty();
        var forecast = (await new ForecastRatio().ComputeAsync(Request(fixture), default)).Single();

        // Week 1: forecast (2 + 2 + 4 + 4) / 4 = 3, actual 6: ratio 2. Week 2: forecast (2 + 4 + 4 + 6) / 4 = 4, actual 0: 0.
        forecast.Points.Select(p => p.Value).Should().Equal(2, 0);
        forecast.Points.Select(p => p.Observations).Should().Equal(6, 0);
    }

    [Fact]
    public async Task SprintTeam_TicketsMovedInAfterItClosed_DoNotDecideIt()
    {
        // Seven of bob's tickets (team "search") are moved into S1 on Sat 14 Nov, after it closed: not its tickets. S1
        // keeps its six tickets of alice's, so it is payments' sprint with the completion above (2 of 5 committed), and
        // search has no sprint ending.
        var late = Enumerable.Range(1, 7).SelectMany(n => new object[]
        {
            Ticket($"SRC-{n}", 1, null, Mon.AddDays(-5)) with { Assignee = "jira-bob" },
            Change($"SRC-{n}", $"late-{n}", Mon.AddDays(12), SprintChangeKind.Added),
        });
        await using var fixture = await CreateAsync([.. SprintRecords(), .. late]);
        var bob = new TeamMember("bob", "Bob", ValueList.Of(new IdentityRef("jira", "jira-bob")));
        var request = Request(fixture);
        request = request with { Teams = [.. request.Teams, fixture.Team with { Id = "search", Name = "Search", Members = ValueList.Of(bob) }] };

        var series = await new SprintCompletion().ComputeAsync(request, default);

        Point(series, "tickets").Should().Equal(null, 0.4);
        series.Should().NotContain(s => s.Labels["team"] == "search" && s.Points.Any(p => p.Observations > 0));
    }

    [Fact]
    public async Task ForecastRatio_TeamWithSprints_HasNoSeries()
    {
        await using var fixture = await CreateAsync(SprintRecords());

        (await new ForecastRatio().ComputeAsync(Request(fixture), default)).Should().BeEmpty();
    }

    private static object[] SprintRecords() =>
    [
        new Sprint("jira", "1", "S1", "PAY board", Start, Mon.AddDays(14).AddHours(9), Mon.AddDays(11).AddHours(17)),
        Ticket("PAY-A", 3, Mon.AddDays(2), Mon.AddDays(-5)),
        Ticket("PAY-B", 5, null, Mon.AddDays(-5)),
        Ticket("PAY-C", 2, null, Mon.AddDays(-5)),
        Ticket("PAY-D", 1, Mon.AddDays(3), Mon.AddDays(1)),
        Ticket("PAY-E", 8, Mon.AddDays(12), Mon.AddDays(-6)) with { Sprint = "S1" },
        Ticket("PAY-F", 13, Mon.AddDays(8), Mon.AddDays(-5)),
        Change("PAY-A", "1", Mon.AddDays(-3), SprintChangeKind.Added),
        Change("PAY-B", "2", Mon.AddDays(-3), SprintChangeKind.Added),
        Change("PAY-C", "3", Mon.AddDays(-3), SprintChangeKind.Added),
        Change("PAY-C", "4", Mon.AddDays(1), SprintChangeKind.Removed),
        Change("PAY-D", "5", Mon.AddDays(2), SprintChangeKind.Added),
        Change("PAY-F", "6", Start, SprintChangeKind.Added),
    ];

    private static double?[] Point(IReadOnlyList<Series.Series> series, string measure) =>
        series.Single(s => s.Labels["measure"] == measure && s.Labels["team"] == "payments").Points.Select(p => p.Value).ToArray();

    private static SignalRequest Request(SignalFixture fixture) => fixture.TwoWeeks() with
    {
        Teams = [fixture.Team with { Members = ValueList.Of(new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice")))) }],
    };

    private static Task<SignalFixture> CreateAsync(params object[] records) => SignalFixture.CreateAsync(records);

    private static Ticket Ticket(string key, double points, DateTimeOffset? resolved, DateTimeOffset created) =>
        new("jira", key, "PAY", "Story", key, resolved is null ? "In Progress" : "Done", resolved is null ? StatusCategory.InProgress : StatusCategory.Done,
            created, resolved ?? created, resolved, points, null, "jira-alice", "jira-alice", null, null, ValueList<string>.Empty);

    private static SprintChange Change(string key, string id, DateTimeOffset at, SprintChangeKind kind) => new("jira", key, id, "1", at, kind);
}
