using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// The sprint commitments through the signal cache. Which teams have sprint series and which a forecast depends on
/// every sprint in the store, in the period or not (<see cref="SignalFootprint.SeriesSetOfWholeStore"/>). Teams
/// "payments" (alice) and "search" (bob); weeks from Monday 19 October or 2 November 2026 to 16 November (UTC).
/// </summary>
public sealed class CommitmentCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;
    private static readonly DateTimeOffset FourWeeksBefore = Monday.AddDays(-14);
    private static readonly ISignal[] Signals = [new SprintCompletion(), new ForecastRatio()];

    [Fact]
    public async Task ComputeAsync_ASprintAfterThePeriod_EndsTheTeamsForecast()
    {
        // Search resolves SRC-1 and SRC-2 in week 1, SRC-3 in week 2, without sprints: a forecast. The batch: a sprint of
        // search's starting on 22 Nov, after the period — search has sprints now, so no forecast, and empty sprint series
        // in the period. Nothing the batch holds is placed in the period.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(40));
        await store.WriteAsync((Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(1)), Ticket("SRC-2", Monday.AddDays(2)), Ticket("SRC-3", Monday.AddDays(8))]));
        var cache = new SignalCache(store.Time);
        var before = await PassAsync(cache, store, Monday);
        await store.WriteAsync(
            (Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(20), Monday.AddDays(34), Monday.AddDays(27))]),
            (Entities.SprintChanges, [new SprintChange("jira", "SRC-1", "c1", "9", Monday.AddDays(19), SprintChangeKind.Added)]));
        var after = await PassAsync(cache, store, Monday);

        Teams(before, "commitment.forecast_ratio").Should().Equal("payments", "search");
        Teams(after, "commitment.forecast_ratio").Should().Equal("payments");
        after["commitment.sprint_completion"].Series.Should().HaveCount(2)
            .And.OnlyContain(s => s.Labels["team"] == "search" && s.Points.All(p => p.Observations == 0));
        after["commitment.forecast_ratio"].Reason.Should().Be("a change outside the period can change which series it has");
        await AssertEqualsFullAsync(store, after, Monday);
    }

    [Fact]
    public async Task ComputeAsync_ASprintInThePeriod_EndsTheTeamsForecast()
    {
        // The same tickets; the batch: a sprint of search's from Thu 5 to Wed 11 Nov, its forecast gone from every window.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(40));
        await store.WriteAsync((Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(1)), Ticket("SRC-2", Monday.AddDays(2)), Ticket("SRC-3", Monday.AddDays(8))]));
        var cache = new SignalCache(store.Time);
        await PassAsync(cache, store, Monday);
        await store.WriteAsync(
            (Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))]),
            (Entities.SprintChanges, [new SprintChange("jira", "SRC-1", "c1", "9", Monday.AddDays(2), SprintChangeKind.Added)]));
        var after = await PassAsync(cache, store, Monday);

        Teams(after, "commitment.forecast_ratio").Should().Equal("payments");
        Teams(after, "commitment.sprint_completion").Distinct().Should().Equal("search");
        await AssertEqualsFullAsync(store, after, Monday);
    }

    [Fact]
    public async Task ComputeAsync_ASprintChangingTeams_MovesTheForecastEvenWhereTheSpanDoesNotReach()
    {
        // Over four weeks: search's sprint S9 (5–11 Nov) holds SRC-4, created on Tue 3 Nov. SRC-4 is reassigned to alice:
        // S9 becomes payments'. Payments' forecast (no observations anywhere) goes from every window and search gets one,
        // though the change reaches only the weeks from SRC-4's creation.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(40));
        await store.WriteAsync(
            (Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(-8)), Ticket("SRC-4", Monday.AddDays(8)) with { CreatedAt = Monday.AddDays(1) }]),
            (Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))]),
            (Entities.SprintChanges, [new SprintChange("jira", "SRC-4", "c1", "9", Monday.AddDays(2), SprintChangeKind.Added)]));
        var cache = new SignalCache(store.Time);
        var before = await PassAsync(cache, store, FourWeeksBefore);
        await store.WriteAsync((Entities.Tickets, [Ticket("SRC-4", Monday.AddDays(8)) with { CreatedAt = Monday.AddDays(1), Assignee = "jira-alice" }]));
        var after = await PassAsync(cache, store, FourWeeksBefore);

        Teams(before, "commitment.forecast_ratio").Should().Equal("payments");
        Teams(after, "commitment.forecast_ratio").Should().Equal("search");
        await AssertEqualsFullAsync(store, after, FourWeeksBefore);
    }

    [Fact]
    public async Task ComputeAsync_ATeamsFirstSprint_EndsItsForecastWithoutObservations()
    {
        // Over four weeks, search has a sprint in the first week; payments resolves nothing, so its forecast has no
        // observations anywhere. The batch: payments' first sprint (5–11 Nov) with PAY-1, created on Tue 3 Nov. Payments'
        // forecast goes from every window, those the change does not reach too.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(40));
        await store.WriteAsync(
            (Entities.Tickets, [Ticket("SRC-1", Monday.AddDays(-10)) with { CreatedAt = Monday.AddDays(-14) }]),
            (Entities.Sprints, [new Sprint("jira", "8", "S8", "SRC board", Monday.AddDays(-13), Monday.AddDays(-8), Monday.AddDays(-8))]),
            (Entities.SprintChanges, [new SprintChange("jira", "SRC-1", "c1", "8", Monday.AddDays(-14), SprintChangeKind.Added)]));
        var cache = new SignalCache(store.Time);
        var before = await PassAsync(cache, store, FourWeeksBefore);
        await store.WriteAsync(
            (Entities.Tickets, [Ticket("PAY-1", Monday.AddDays(20)) with { CreatedAt = Monday.AddDays(1), Assignee = "jira-alice" }]),
            (Entities.Sprints, [new Sprint("jira", "9", "S9", "PAY board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))]),
            (Entities.SprintChanges, [new SprintChange("jira", "PAY-1", "c2", "9", Monday.AddDays(2), SprintChangeKind.Added)]));
        var after = await PassAsync(cache, store, FourWeeksBefore);

        Teams(before, "commitment.forecast_ratio").Should().Equal("payments");
        after["commitment.forecast_ratio"].Series.Should().BeEmpty();
        await AssertEqualsFullAsync(store, after, FourWeeksBefore);
    }

    [Fact]
    public async Task ComputeAsync_ACommittedTicketResolved_RecomputesFromItsCreationOnly()
    {
        // Over four weeks: search's sprint S9 (Thu 5 – Wed 11 Nov) holds SRC-4, created Tue 3 Nov and committed, and SRC-5,
        // created 20 Oct and done on Mon 9 Nov. The batch resolves SRC-4 on Tue 10 Nov: S9's completion in the week of
        // 9 Nov goes from 1 of 2 to 2 of 2. The series stay the same, so the cache splices the weeks from SRC-4's creation
        // (2 of the 4) and keeps the others.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(40));
        var open = new Ticket("jira", "SRC-4", "SRC", "Story", "SRC-4", "In Progress", StatusCategory.InProgress, Monday.AddDays(1), Monday.AddDays(1), null, 2, null, "jira-bob", "jira-bob", null, null, ValueList<string>.Empty);
        await store.WriteAsync(
            (Entities.Tickets, [open, Ticket("SRC-5", Monday.AddDays(7)) with { CreatedAt = Monday.AddDays(-13) }]),
            (Entities.Sprints, [new Sprint("jira", "9", "S9", "SRC board", Monday.AddDays(3), Monday.AddDays(10), Monday.AddDays(9))]),
            (Entities.SprintChanges, [
                new SprintChange("jira", "SRC-4", "c1", "9", Monday.AddDays(2), SprintChangeKind.Added),
                new SprintChange("jira", "SRC-5", "c2", "9", Monday.AddDays(2), SprintChangeKind.Added)]));
        var cache = new SignalCache(store.Time);
        await PassAsync(cache, store, FourWeeksBefore);
        await store.WriteAsync((Entities.Tickets, [open with { Status = "Done", Category = StatusCategory.Done, UpdatedAt = Monday.AddDays(8), ResolvedAt = Monday.AddDays(8) }]));
        var after = await PassAsync(cache, store, FourWeeksBefore);

        var completion = after["commitment.sprint_completion"];
        completion.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        completion.Series.Single(s => s.Labels["measure"] == "tickets").Points.Select(p => p.Value).Should().Equal(null, null, null, 1.0);
        await AssertEqualsFullAsync(store, after, FourWeeksBefore);
    }

    // The signals through the cache, each result by name.
    private static async Task<Dictionary<string, SignalCacheResult>> PassAsync(SignalCache cache, TemporaryStore store, DateTimeOffset from) =>
        Signals.Zip(await cache.ComputeAllAsync(Signals, Request(store.Store, from), 1, default)).ToDictionary(p => p.First.Name, p => p.Second);

    private static async Task AssertEqualsFullAsync(TemporaryStore store, Dictionary<string, SignalCacheResult> results, DateTimeOffset from)
    {
        foreach (var signal in Signals)
        {
            results[signal.Name].Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store, from), default), signal.Name);
        }
    }

    private static IEnumerable<string?> Teams(Dictionary<string, SignalCacheResult> results, string signal) =>
        results[signal].Series.Select(s => s.Labels["team"]);

    private static SignalRequest Request(IStore store, DateTimeOffset from)
    {
        Team Team(string id, string member) => new(
            id, id, "UTC", ValueList.Of(new TeamMember(member, member, ValueList.Of(new IdentityRef("jira", "jira-" + member)))),
            ValueList<string>.Empty, ValueList<string>.Empty, null);
        return new(store, [Team("payments", "alice"), Team("search", "bob")], new PersonDirectory([]), from, Monday.AddDays(14), Granularity.Week);
    }

    private static Ticket Ticket(string key, DateTimeOffset resolved) =>
        new("jira", key, "SRC", "Story", key, "Done", StatusCategory.Done, Monday.AddDays(-10), resolved, resolved, 2, null, "jira-bob", "jira-bob", null, null, ValueList<string>.Empty);
}
