using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A ticket's values count at its resolution (the start of its final run of Done statuses, docs/signals/tickets.md) or
/// later, so a batch's transition of an old ticket reaches back only as far as the ticket's resolution can lie, before the
/// batch or after it: the start of the Done run just before the transition, or the transition itself
/// (<see cref="TicketResolutionBounds"/>), not the ticket's creation. Team "payments" (alice = jira-alice); weeks of 2, 9,
/// 16 and 23 November 2026 (UTC); every ticket was created on 1 September, before the period. Before the batch PAY-3 (by
/// its record) and PAY-4 are resolved in week 1, PAY-2 in week 2. Expected values by hand: tickets resolved per week.
/// </summary>
public sealed class TicketTransitionCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_AnOldTicketDoneNow_RecomputesTheWeekOfTheMoveOnly()
    {
        // PAY-1 has been in progress since Tue 3 Nov; the batch moves it to Done on Tue 24 Nov (week 4). Its transitions
        // before the move end in progress, so its resolution, before and after, is at the move or nowhere.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.TicketTransitions, [Move("PAY-1", "12", Monday.AddDays(22), StatusCategory.InProgress, StatusCategory.Done)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.WindowsRecomputed.Should().Be(1);
        Resolved(after.Series).Should().Equal(2, 1, 0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AnOldTicketReopened_RecomputesFromItsFormerResolution()
    {
        // PAY-2 went to Done on Tue 10 Nov and to Closed (Done too) on Wed 11 Nov: resolved in week 2. The batch reopens it
        // on Tue 24 Nov and closes it again on Wed 25 Nov: resolved in week 4, and week 2 loses it. Its Done run before the
        // reopening started on 10 Nov: weeks 2–4 are recomputed, not week 1.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.TicketTransitions, [
            Move("PAY-2", "23", Monday.AddDays(22), StatusCategory.Done, StatusCategory.InProgress),
            Move("PAY-2", "24", Monday.AddDays(23), StatusCategory.InProgress, StatusCategory.Done)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(3, after.Reason);
        Resolved(after.Series).Should().Equal(2, 0, 0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_ATicketsFirstTransition_RecomputesFromItsCreation()
    {
        // PAY-3 has no transitions: its record says Done on Wed 4 Nov (week 1), which counts. Its first transition, to
        // In Progress on Tue 24 Nov, makes its history decide: not resolved. Nothing before the transition tells where its
        // resolution was, so it reaches from its creation: every week.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        Resolved((await cache.ComputeAsync(signal, Request(store.Store), default)).Series).Should().Equal(2, 1, 0, 0);

        await store.WriteAsync((Entities.TicketTransitions, [Move("PAY-3", "31", Monday.AddDays(22), StatusCategory.ToDo, StatusCategory.InProgress)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(4);
        Resolved(after.Series).Should().Equal(1, 1, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_ATransitionMovedInTime_RecomputesFromItsFormerInstant()
    {
        // PAY-4's move to Done, on Thu 5 Nov (week 1), is rewritten to Tue 24 Nov: its resolution moves to week 4. Placed
        // by its new instant alone (after a move to In Progress) the change would reach week 4 only and leave week 1
        // counting PAY-4; the store records the former row as deleted (EntityMap.MovedBy), which reaches every window.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.TicketTransitions, [Move("PAY-4", "42", Monday.AddDays(22), StatusCategory.InProgress, StatusCategory.Done)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(4);
        Resolved(after.Series).Should().Equal(1, 1, 0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_ASyncRewritingAnOldTicketsStatus_RecomputesWhatItsTransitionReaches()
    {
        // A Jira sync writes PAY-1's record again with its new status, Done, beside the transition that got it there on
        // Tue 24 Nov. With transitions, its status counts nowhere (its history decides), so the rewritten record, created
        // on 1 September, reaches no further than the transition: week 4.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync(
            (Entities.Tickets, [Ticket("PAY-1", StatusCategory.Done, Monday.AddDays(22))]),
            (Entities.TicketTransitions, [Move("PAY-1", "12", Monday.AddDays(22), StatusCategory.InProgress, StatusCategory.Done)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(1, after.Reason);
        Resolved(after.Series).Should().Equal(2, 1, 0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AnOldTicketReassigned_RecomputesFromItsCreation()
    {
        // PAY-2, resolved in week 2, is reassigned to zoe, who is in no team: it leaves the team's count. Its status is
        // unchanged, but the store records a change beyond the status as a rewrite from the ticket's creation, which
        // reaches every week.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.Tickets, [Ticket("PAY-2", StatusCategory.Done, Monday.AddDays(9), "jira-zoe")]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(4, after.Reason);
        Resolved(after.Series).Should().Equal(2, 0, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AStatusRewrittenOnATicketWithoutHistory_RecomputesFromItsCreation()
    {
        // PAY-3 has no transitions: its record's resolution (Wed 4 Nov) counts. Rewritten as in progress, it no longer
        // does; nothing tells where it was resolved but the former record, so it reaches from its creation.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.Tickets, [Ticket("PAY-3", StatusCategory.InProgress, null)]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(4, after.Reason);
        Resolved(after.Series).Should().Equal(1, 1, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    private static double?[] Resolved(IReadOnlyList<Series.Series> series) =>
        series.Single(s => s.Labels["team"] == "payments").Points.Select(p => p.Value).ToArray();

    private static async Task<TemporaryStore> StoreAsync()
    {
        var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync(
            (Entities.Tickets, [Ticket("PAY-1", StatusCategory.InProgress, null), Ticket("PAY-2", StatusCategory.Done, Monday.AddDays(9)),
                Ticket("PAY-3", StatusCategory.Done, Monday.AddDays(2)), Ticket("PAY-4", StatusCategory.Done, Monday.AddDays(3))]),
            (Entities.TicketTransitions, [
                Move("PAY-1", "11", Monday.AddDays(1), StatusCategory.ToDo, StatusCategory.InProgress),
                Move("PAY-2", "21", Monday.AddDays(8), StatusCategory.InProgress, StatusCategory.Done),
                Move("PAY-2", "22", Monday.AddDays(9), StatusCategory.Done, StatusCategory.Done),
                Move("PAY-4", "41", Monday.AddDays(1), StatusCategory.ToDo, StatusCategory.InProgress),
                Move("PAY-4", "42", Monday.AddDays(3), StatusCategory.InProgress, StatusCategory.Done)]));
        return store;
    }

    private static SignalRequest Request(IStore store)
    {
        var alice = new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice")));
        var team = new Team("payments", "Payments", "UTC", ValueList.Of(alice), ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        return new(store, [team], new PersonDirectory([]), Monday, Monday.AddDays(28), Granularity.Week);
    }

    private static Ticket Ticket(string key, StatusCategory category, DateTimeOffset? resolved, string assignee = "jira-alice") =>
        new("jira", key, "PAY", "Story", key, category.ToString(), category, new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero),
            resolved ?? Monday.AddDays(9), resolved, null, null, assignee, "jira-alice", null, null, ValueList<string>.Empty);

    private static TicketTransition Move(string key, string id, DateTimeOffset at, StatusCategory from, StatusCategory to) =>
        new("jira", key, id, at, from.ToString(), to.ToString(), from, to, null);
}
