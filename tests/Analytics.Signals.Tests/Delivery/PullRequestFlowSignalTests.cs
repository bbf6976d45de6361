using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests.Delivery;

/// <summary>
/// Team "payments" (alice, bob, carol) owns acme/api; team "web" (dave) owns acme/web. Weeks 2–8 and 9–15 November 2026
/// (UTC); the request ends Friday 13 November 12:00, inside week 2.
/// P1 alice: Mon 2 09:00 → merged Tue 09:00, +100 −20 = 120 lines. P2 bob: Mon 10:00 → Wed 10:00, 30 + 10 = 40.
/// P3 carol: Tue → Thu, 400 + 100 = 500. P4 dependabot[bot]: merged Tue, 5 lines (a bot: never counted).
/// P5 alice: opened Wed, still open. P6 bob: an open draft (never counted). P7 alice in acme/web: opened Thu, closed
/// unmerged Tue 10 Nov. P8 carol: Mon 9 → Wed 11, 8 + 2 = 10. P9 bob: opened Fri 6, merged at Mon 9 00:00 exactly
/// (the end of week 1), 50 + 10 = 60. P10 alice: opened Sat 14, after the request's end.
/// </summary>
public sealed class PullRequestFlowSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;
    private static readonly DateTimeOffset End = Mon.AddDays(11).AddHours(12);

    [Fact]
    public async Task Size_TwoWeeks_AggregatesChangedLinesOfPeoplesMerges()
    {
        await using var fixture = await CreateAsync();

        var median = (await new PullRequestSize().ComputeAsync(Request(fixture), default)).Single(s => s.Labels["team"] == "payments");
        var mean = (await new PullRequestSize().ComputeAsync(Request(fixture) with { Aggregator = Aggregator.Mean }, default))
            .Single(s => s.Labels["team"] == "payments");

        // Week 1 merges by people: P1 120, P2 40, P3 500 (P4 is a bot's). Median of [40, 120, 500] = 120; mean 660 / 3 = 220.
        // Week 2: P8 10 and P9 60 (merged at the first instant of week 2): median (10 + 60) / 2 = 35; mean 35.
        median.Points.Select(p => p.Value).Should().Equal(120, 35);
        mean.Points.Select(p => p.Value).Should().Equal(220, 35);
        median.Points.Select(p => p.Observations).Should().Equal(3, 2);
        // Three observations give a bootstrap interval, which holds the estimate and stays inside the observed range;
        // two give none (Bootstrap.MinimumObservations).
        median.Points[0].Low.Should().BeInRange(40, 120);
        median.Points[0].High.Should().BeInRange(120, 500);
        median.Points[1].HasInterval.Should().BeFalse();
    }

    [Fact]
    public async Task Wip_AtEachWindowEnd_CountsOpenNonDraftPullRequestsByOwnerTeam()
    {
        await using var fixture = await CreateAsync();

        var wip = await new WorkInProgress().ComputeAsync(Request(fixture), default);

        // payments at Mon 9 Nov 00:00: P5 (open) and P9 (merged at that very instant: still open then) = 2; P6 is a draft,
        // P1–P3 are merged. At the request's end, Fri 13 Nov 12:00: P5 only (P8 merged Wed, P10 not opened yet) = 1.
        wip.Single(s => s.Labels["team"] == "payments").Points.Select(p => p.Value).Should().Equal(2, 1);
        // web owns acme/web: P7 open at the end of week 1, closed on Tue 10 Nov.
        wip.Single(s => s.Labels["team"] == "web").Points.Select(p => p.Value).Should().Equal(1, 0);
    }

    [Fact]
    public async Task WipPerPerson_PeopleUnderTheirOwnTeam_IncludingMembersWithNone()
    {
        await using var fixture = await CreateAsync();

        var wip = await new WorkInProgressPerPerson().ComputeAsync(Request(fixture), default);

        // alice: P5 and P7 at the end of week 1 (P7 is in web's repository but alice is in payments), P5 at the end.
        // bob: P9 at the end of week 1 (P6 is a draft). carol and dave: nothing, shown as 0. The bot has no series.
        wip.ToDictionary(s => $"{s.Labels["team"]}/{s.Labels["person"]}", s => s.Points.Select(p => p.Value).ToList())
            .Should().BeEquivalentTo(new Dictionary<string, List<double?>>
            {
                ["payments/alice"] = [2, 1],
                ["payments/bob"] = [1, 0],
                ["payments/carol"] = [0, 0],
                ["web/dave"] = [0, 0],
            });
    }

    [Fact]
    public void Catalog_FindsTheFlowSignals()
    {
        SignalCatalog.Find("pr.size").Should().BeOfType<PullRequestSize>();
        SignalCatalog.Find("pr.wip").Should().BeOfType<WorkInProgress>();
        SignalCatalog.Find("pr.wip_per_person").Should().BeOfType<WorkInProgressPerPerson>();
    }

    private static SignalRequest Request(SignalFixture fixture)
    {
        Team[] teams =
        [
            new("payments", "Payments", "UTC", ValueList.Of(Member("alice"), Member("bob"), Member("carol")), ValueList.Of("acme/api"), ValueList<string>.Empty, null),
            new("web", "Web", "UTC", ValueList.Of(Member("dave")), ValueList.Of("acme/web"), ValueList<string>.Empty, null),
        ];
        var people = IdentityResolver.Resolve(
            [new Identity("github", "dependabot[bot]", null, null, true, null)], teams.SelectMany(t => t.Members), []);
        return new SignalRequest(fixture.Store, teams, people, Mon, End, Granularity.Week);
    }

    private static TeamMember Member(string login) => new(login, login, ValueList.Of(new IdentityRef("github", login)));

    private static Task<SignalFixture> CreateAsync()
    {
        var mon = Mon.AddHours(9);
        return SignalFixture.CreateAsync(
            Pr(1, "alice", mon, mon.AddDays(1), 100, 20),
            Pr(2, "bob", mon.AddHours(1), mon.AddDays(2).AddHours(1), 30, 10),
            Pr(3, "carol", mon.AddDays(1), mon.AddDays(3), 400, 100),
            Pr(4, "dependabot[bot]", mon.AddDays(1), mon.AddDays(1).AddHours(1), 4, 1),
            Pr(5, "alice", mon.AddDays(2), null, 10, 10),
            Pr(6, "bob", mon.AddDays(2), null, 10, 10) with { IsDraft = true },
            Pr(7, "alice", mon.AddDays(3), null, 10, 10) with
            {
                Repository = "acme/web", SourceId = "acme/web#7", State = PullRequestState.Closed, ClosedAt = mon.AddDays(8).AddHours(1),
            },
            Pr(8, "carol", mon.AddDays(7), mon.AddDays(9), 8, 2),
            Pr(9, "bob", mon.AddDays(4), Mon.AddDays(7), 50, 10),
            Pr(10, "alice", mon.AddDays(12), null, 10, 10));
    }

    private static PullRequest Pr(int number, string author, DateTimeOffset created, DateTimeOffset? merged, int additions, int deletions) =>
        new("github", $"acme/api#{number}", "acme/api", number, $"PR {number}",
            merged is null ? PullRequestState.Open : PullRequestState.Merged, false, author,
            created, merged ?? created, merged, merged, "main", $"f{number}", additions, deletions, 1, ValueList<string>.Empty, null);
}
