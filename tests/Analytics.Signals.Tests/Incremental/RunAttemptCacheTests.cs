using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A CI run's attempts are grouped (docs/signals/ci.rerun_rate.md: a run counts in the window of its first attempt, and
/// is re-run when it has a later one), so a batch's attempt changes the windows of its run's stored attempts too
/// (<see cref="EntityFootprint.WithRunAttempts"/>), and nothing before them. Team "payments" owns acme/api; weeks of 2,
/// 9, 16 and 23 November 2026 (UTC). Runs R1, R2 and R3 were first attempted on the Tuesdays of weeks 1–3. Expected
/// values by hand: the re-run rate per week (runs with a second attempt ÷ runs).
/// </summary>
public sealed class RunAttemptCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_ANewRun_RecomputesItsOwnWeekOnly()
    {
        // R4, first attempted on Tue 24 Nov, has no other attempt: only week 4 changes (not the week before it, which a
        // grouping margin would reach).
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new CiRerunRate();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.WorkflowRuns, [Run("R4", 1, Monday.AddDays(22))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(1, after.Reason);
        Rates(after.Series).Should().Equal(0, 0, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AReRunOfAnEarlierRun_RecomputesFromTheRunsFirstAttempt()
    {
        // R2 (first attempted Tue 10 Nov, week 2) is re-run on Mon 16 Nov (week 3): week 2's rate becomes 1. Placed by the
        // re-run's own time the change would reach weeks 3 and 4 only.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new CiRerunRate();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.WorkflowRuns, [Run("R2", 2, Monday.AddDays(14))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.WindowsRecomputed.Should().Be(3, after.Reason);
        Rates(after.Series).Should().Equal(0, 1, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AReRunDeleted_RecomputesFromAGroupingMarginBeforeIt()
    {
        // R3 (Tue 17 Nov, week 3) was re-run on Mon 23 Nov (week 4): week 3's rate is 1. Deleting the re-run leaves no trace
        // of its run, so the deletion reaches a grouping margin (CiRuns.Margin, 7 days) before it: weeks 3 and 4.
        await using var store = await StoreAsync();
        await store.WriteAsync((Entities.WorkflowRuns, [Run("R3", 2, Monday.AddDays(21))]));
        var cache = new SignalCache(store.Time);
        var signal = new CiRerunRate();
        Rates((await cache.ComputeAsync(signal, Request(store.Store), default)).Series).Should().Equal(0, 0, 1, 0);

        await store.DeleteAsync(Entities.WorkflowRuns, ["github", "acme/api", "R3", 2]);
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        Rates(after.Series).Should().Equal(0, 0, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    // A week without runs has no value; the tests' weeks 4 have one once a run is there, and 0 stands for "none" here.
    private static double?[] Rates(IReadOnlyList<Series.Series> series) =>
        series.Single().Points.Select(p => p.Value ?? 0).Cast<double?>().ToArray();

    private static async Task<TemporaryStore> StoreAsync()
    {
        var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync((Entities.WorkflowRuns,
            [Run("R1", 1, Monday.AddDays(1)), Run("R2", 1, Monday.AddDays(8)), Run("R3", 1, Monday.AddDays(15))]));
        return store;
    }

    private static SignalRequest Request(IStore store)
    {
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList<string>.Empty, null);
        return new(store, [team], new PersonDirectory([]), Monday, Monday.AddDays(28), Granularity.Week);
    }

    private static WorkflowRun Run(string id, int attempt, DateTimeOffset queued) =>
        new("github", "acme/api", id, attempt, "ci", "push", "main", "abc", RunStatus.Completed, RunConclusion.Success,
            queued.AddHours(10), queued.AddHours(10).AddSeconds(5), queued.AddHours(10).AddSeconds(305), null);
}
