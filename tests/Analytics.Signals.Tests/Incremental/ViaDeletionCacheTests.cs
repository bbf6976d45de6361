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
/// A deleted row that the signal cache places by another row (a ticket transition by its ticket) is not placed by its
/// own time: which windows it reached is not known any more. Team "payments" (alice = jira-alice); weeks 2–8 and 9–15
/// November 2026 (UTC).
/// </summary>
public sealed class ViaDeletionCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_ATransitionDeleted_MovesTheResolutionToAnEarlierWindow()
    {
        // PAY-1 is done on Wed 4 Nov, reopened on Tue 10 Nov and done again on Wed 11 Nov: resolved in week 2. Deleting
        // the reopening (dated in week 2) makes it resolved on 4 Nov, in week 1, before the deleted row's own time.
        // PAY-2, without history, is resolved on Wed 11 Nov by its record and keeps week 2's series in the recomputed span.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync(
            (Entities.Tickets, [Ticket("PAY-1"), Ticket("PAY-2")]),
            (Entities.TicketTransitions, [
                Move("1", Monday.AddDays(2), StatusCategory.InProgress, StatusCategory.Done),
                Move("2", Monday.AddDays(8), StatusCategory.Done, StatusCategory.InProgress),
                Move("3", Monday.AddDays(9), StatusCategory.InProgress, StatusCategory.Done)]));
        var cache = new SignalCache(store.Time);
        var signal = new TicketThroughput();
        Resolved(await signal.ComputeAsync(Request(store.Store), default)).Should().Equal(0, 2);
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.DeleteAsync(Entities.TicketTransitions, ["jira", "PAY-1", "2"]);
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        Resolved(after.Series).Should().Equal(1, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    private static double?[] Resolved(IReadOnlyList<Series.Series> series) =>
        series.Single(s => s.Labels["team"] == "payments").Points.Select(p => p.Value).ToArray();

    private static SignalRequest Request(IStore store)
    {
        var alice = new TeamMember("alice", "Alice", ValueList.Of(new IdentityRef("jira", "jira-alice")));
        var team = new Team("payments", "Payments", "UTC", ValueList.Of(alice), ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        return new(store, [team], new PersonDirectory([]), Monday, Monday.AddDays(14), Granularity.Week);
    }

    private static Ticket Ticket(string key) =>
        new("jira", key, "PAY", "Story", key, "Done", StatusCategory.Done, Monday.AddDays(-10), Monday.AddDays(9), Monday.AddDays(9), null, null, "jira-alice", "jira-alice", null, null, ValueList<string>.Empty);

    private static TicketTransition Move(string id, DateTimeOffset at, StatusCategory from, StatusCategory to) =>
        new("jira", "PAY-1", id, at, from.ToString(), to.ToString(), from, to, null);
}
