using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Signals.WorkMix;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// The work mix types a merged pull request by the first ticket its title or branch names, whenever that ticket was
/// created: the signal cache places a changed ticket by the pull requests mentioning it as well as by its creation.
/// Team "payments" owns acme/api; weeks 2–8 and 9–15 November 2026 (UTC).
/// </summary>
public sealed class WorkMixCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_ATicketCreatedAfterThePullRequestNamingIt_RecomputesThePullRequestsWindow()
    {
        // "PAY-9 tidy retries" is merged in week 1 and names no stored ticket: unclassified. The batch: ticket PAY-9, a Bug,
        // created in week 2 (assigned to someone in no team, so the ticket itself counts nowhere). The pull request is now
        // a bug fix in week 1, a window before the ticket's creation.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync((Entities.PullRequests, [Pull(1, "PAY-9 tidy retries", Monday.AddDays(2)), Pull(2, "Bump Polly", Monday.AddDays(9))]));
        var cache = new SignalCache(store.Time);
        var signal = new WorkItems();
        var before = await cache.ComputeAsync(signal, Request(store.Store), default);
        PullRequests(before.Series, "unclassified").Should().Equal(1, 1);

        await store.WriteAsync((Entities.Tickets, [Ticket("PAY-9", "Bug", created: Monday.AddDays(9))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        PullRequests(after.Series, "bug").Should().Equal(1, 0);
        PullRequests(after.Series, "unclassified").Should().Equal(0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_ATicketNoPullRequestNames_RecomputesFromItsCreationOnly()
    {
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync((Entities.PullRequests, [Pull(1, "PAY-9 tidy retries", Monday.AddDays(2))]));
        var cache = new SignalCache(store.Time);
        var signal = new WorkItems();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.Tickets, [Ticket("PAY-10", "Bug", created: Monday.AddDays(9))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        // One team, one week of two: week 2, from the ticket's creation.
        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.WindowsRecomputed.Should().Be(1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAllAsync_TheTicketFamilyReachedFromUnlikeStarts_LoadsTheTicketsOnce()
    {
        // Four weeks. The batch: a pull request opened in week 1 (merged in week 2), which the work mix places from its
        // opening (the four weeks), and a ticket created in week 4, which the ticket flow places from its creation (the last
        // week). Spans this unlike share no start by their lengths, but the two signals share the stored tickets
        // (SignalFootprints.SharedLoads): one request from week 1, so the tickets are read once for both.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync((Entities.PullRequests, [Pull(1, "Bump Polly", Monday.AddDays(2))]));
        var counting = new Ci.CountingStore(store.Store);
        var cache = new SignalCache(store.Time);
        ISignal[] signals = [new Analytics.Signals.Tickets.TicketThroughput(), new WorkItems()];
        SignalRequest FourWeeks(IStore over) => Request(over) with { To = Monday.AddDays(28) };
        await cache.ComputeAllAsync(signals, FourWeeks(counting), 2, default);

        await store.WriteAsync(
            (Entities.PullRequests, [Pull(2, "PAY-11 retry budget", Monday.AddDays(8)) with { CreatedAt = Monday.AddDays(1) }]),
            (Entities.Tickets, [Ticket("PAY-12", "Bug", created: Monday.AddDays(22))]));
        var before = counting.ReadsOf(Entities.Tickets.Table);
        var after = await cache.ComputeAllAsync(signals, FourWeeks(counting), 2, default);

        after.Should().OnlyContain(r => r.Outcome == SignalCacheOutcome.Incremental);
        // One read of the changed tickets for the plans, one load for the round.
        (counting.ReadsOf(Entities.Tickets.Table) - before).Should().Be(2);
        for (var i = 0; i < signals.Length; i++)
        {
            after[i].Series.Should().BeEquivalentTo(await signals[i].ComputeAsync(FourWeeks(store.Store), default), signals[i].Name);
        }
    }

    private static double?[] PullRequests(IReadOnlyList<Series.Series> series, string type) =>
        series.Single(s => s.Labels["type"] == type && s.Labels["measure"] == "pull_requests").Points.Select(p => p.Value).ToArray();

    private static SignalRequest Request(IStore store)
    {
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        return new(store, [team], new PersonDirectory([]), Monday, Monday.AddDays(14), Granularity.Week);
    }

    private static Ticket Ticket(string key, string type, DateTimeOffset created) =>
        new("jira", key, "PAY", type, key, "Done", StatusCategory.Done, created, created.AddDays(1), created.AddDays(1), null, null, "jira-zoe", "jira-zoe", null, null, ValueList<string>.Empty);

    private static PullRequest Pull(int number, string title, DateTimeOffset merged) =>
        new("github", $"acme/api#{number}", "acme/api", number, title, PullRequestState.Merged, false, "alice",
            Monday.AddDays(-3), merged, merged, merged, "main", "alice/work", 10, 1, 1, ValueList<string>.Empty, null);
}
