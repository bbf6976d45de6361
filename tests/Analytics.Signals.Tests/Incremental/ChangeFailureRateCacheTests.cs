using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Dora;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// The change failure rate counts a failure in the window of the deployment blamed for it (docs/attribution.md): the one
/// an incident names, however long before, else the latest that went live within the 24-hour window before it. The signal
/// cache places an incident by its start and by the deployment it names, and a deployment by its own going live and a
/// window either side (it can take the blame from, or leave it to, a deployment up to a day away), instead of
/// recomputing the whole period on any incident. Team "payments" owns acme/api and runs "api"; weeks of 2, 9, 16 and
/// 23 November 2026 (UTC). Expected values by hand: failed deployments over production successes per week.
/// </summary>
public sealed class ChangeFailureRateCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    // D1 Tue 3 Nov, D2 Sun 22 Nov 22:00 (the end of week 3), D3 Thu 26 Nov: one a week but week 2.
    private static readonly Deployment D1 = Deploy("D1", Monday.AddDays(1).AddHours(10));
    private static readonly Deployment D2 = Deploy("D2", Monday.AddDays(20).AddHours(22));
    private static readonly Deployment D3 = Deploy("D3", Monday.AddDays(24).AddHours(10));

    [Fact]
    public async Task ComputeAsync_AnIncidentNamingAnOldDeployment_RecomputesThatDeploymentsWindow()
    {
        // The batch: an incident on Thu 26 Nov naming D1, three weeks earlier. D1 failed: week 1 goes from 0 to 1. Its own
        // start reaches week 4 only (a window-attributed cause went live at most a day before it).
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new ChangeFailureRate();
        (await cache.ComputeAsync(signal, Request(store.Store), default)).Series.Single().Points.Select(p => p.Value).Should().Equal(0, null, 0, 0);

        await store.WriteAsync((Entities.Incidents, [Incident("I1", Monday.AddDays(24).AddHours(15), "D1")]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.Series.Single().Points.Select(p => p.Value).Should().Equal(1, null, 0, 0);
        after.WindowsRecomputed.Should().Be(2, "week 1 through D1, week 4 through the incident's start");
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AnIncidentReLinkedToAnotherDeployment_NoLongerCountsForTheFormerOne()
    {
        // I1 names D1 (week 1): 1 of 1 failed. Triage corrects the link to D3 (week 4). Only the new link is in the store,
        // so placing by it alone would leave week 1 failed; the store records the former row as deleted
        // (EntityMap.MovedBy), which recomputes everything.
        await using var store = await StoreAsync((Entities.Incidents, [Incident("I1", Monday.AddDays(24).AddHours(15), "D1")]));
        var cache = new SignalCache(store.Time);
        var signal = new ChangeFailureRate();
        (await cache.ComputeAsync(signal, Request(store.Store), default)).Series.Single().Points.Select(p => p.Value).Should().Equal(1, null, 0, 0);

        await store.WriteAsync((Entities.Incidents, [Incident("I1", Monday.AddDays(24).AddHours(15), "D3")]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Series.Single().Points.Select(p => p.Value).Should().Equal(0, null, 0, 1);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AnIncidentNamingNoStoredDeployment_RecomputesItsOwnWeekOnly()
    {
        // A link naming no known deployment blames none (not replaced by a guess): nothing changes, and only the week of
        // the incident's start is recomputed, not every window.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new ChangeFailureRate();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        await store.WriteAsync((Entities.Incidents, [Incident("I1", Monday.AddDays(24).AddHours(15), "D9")]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.WindowsRecomputed.Should().Be(1);
        after.Series.Single().Points.Select(p => p.Value).Should().Equal(0, null, 0, 0);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_ADeploymentTakingTheBlameAcrossAWindowEdge_RecomputesTheWeekBefore()
    {
        // A 48-hour attribution window. I1 starts Tue 24 Nov 02:00, naming nothing: the window blames D2 (Sun 22 Nov 03:00,
        // 47 h before; D3 goes live later that week), so week 3 is 1 of 1 failed. The batch: D4 went live Tue 01:00, later
        // than D2 and within the window: I1 now blames D4. Week 3 drops to 0 (D2 is no longer blamed), week 4 is 1 of 2
        // (D3 and D4, D4 failed). D4 is placed the window (and a day) either side of its going live, so week 3 is
        // recomputed although D4 is not in it and ended more than a day before it.
        await using var store = await StoreAsync(
            (Entities.Deployments, [Deploy("D2", Monday.AddDays(20).AddHours(3))]),
            (Entities.Incidents, [Incident("I1", Monday.AddDays(22).AddHours(2), null)]));
        var cache = new SignalCache(store.Time);
        var signal = new ChangeFailureRate();
        SignalRequest Request48() => Request(store.Store) with { AttributionWindow = TimeSpan.FromHours(48) };
        (await cache.ComputeAsync(signal, Request48(), default)).Series.Single().Points.Select(p => p.Value).Should().Equal(0, null, 1, 0);

        await store.WriteAsync((Entities.Deployments, [Deploy("D4", Monday.AddDays(22).AddHours(1))]));
        var after = await cache.ComputeAsync(signal, Request48(), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.Series.Single().Points.Select(p => p.Value).Should().Equal(0, null, 0, 0.5);
        after.WindowsRecomputed.Should().Be(2);
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request48(), default));
    }

    private static async Task<TemporaryStore> StoreAsync(params (EntityMap Map, IReadOnlyList<object> Records)[] more)
    {
        var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync((Entities.Deployments, [D1, D2, D3]));
        if (more.Length > 0)
        {
            await store.WriteAsync(more);
        }

        return store;
    }

    private static SignalRequest Request(IStore store)
    {
        var team = new Team("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList.Of("api"), null);
        return new(store, [team], new PersonDirectory([]), Monday, Monday.AddDays(28), Granularity.Week);
    }

    private static Deployment Deploy(string id, DateTimeOffset finished) =>
        new("github", id, "acme/api", "production", DeploymentStatus.Success, "sha-" + id, "main", finished.AddMinutes(-10), finished, "api");

    private static Incident Incident(string id, DateTimeOffset created, string? deployment) =>
        new("pagerduty", id, $"Incident {id}", "api", "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
            ValueList<string>.Empty, deployment, null);
}
