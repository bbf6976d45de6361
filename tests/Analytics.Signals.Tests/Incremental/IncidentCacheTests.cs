using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Incidents;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// An incident counts for the team running its service (docs/signals/incidents.md), so the signal cache recomputes the
/// incident signals only for the teams whose services a batch's incidents name (<see cref="SignalFootprints.PerTeam"/>);
/// an incident moved to another service is recorded by the store as its former row deleted, so its former team's windows
/// are recomputed too. Team "payments" runs "api", team "web" runs "web"; weeks of 2, 9, 16 and 23 November 2026 (UTC).
/// I1: api, Tue 3 Nov. I2: web, Tue 10 Nov. Expected values by hand: incidents per window.
/// </summary>
public sealed class IncidentCacheTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAsync_AnIncidentOfOneTeamsService_RecomputesThatTeamOnly()
    {
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new IncidentCount();
        await cache.ComputeAsync(signal, Request(store.Store), default);

        // The batch: I3 on api, Tue 17 Nov (week 3).
        await store.WriteAsync((Entities.Incidents, [Incident("I3", "api", Monday.AddDays(15).AddHours(10))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        after.Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after.Reason.Should().EndWith(" for 1 of 2 teams");
        after.WindowsRecomputed.Should().Be(1);
        Counts(after.Series).Should().BeEquivalentTo(new Dictionary<string, double?[]>
        {
            ["payments/api"] = [1, 0, 1, 0],
            ["web/web"] = [0, 1, 0, 0],
        });
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAsync_AnIncidentMovedToAnotherTeamsService_NoLongerCountsForTheFormerTeam()
    {
        // Triage finds I1 was the web front end's, not the API's. Only the new service is in the store, so placing I1 by
        // it would recompute web alone and leave payments counting I1 in week 1; the store records the former row as
        // deleted (EntityMap.MovedBy), which reaches every team from I1's week on.
        await using var store = await StoreAsync();
        var cache = new SignalCache(store.Time);
        var signal = new IncidentCount();
        Counts((await cache.ComputeAsync(signal, Request(store.Store), default)).Series).Should().ContainKey("payments/api");

        await store.WriteAsync((Entities.Incidents, [Incident("I1", "web", Monday.AddDays(1).AddHours(10))]));
        var after = await cache.ComputeAsync(signal, Request(store.Store), default);

        Counts(after.Series).Should().BeEquivalentTo(new Dictionary<string, double?[]> { ["web/web"] = [1, 1, 0, 0] });
        after.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store), default));
    }

    [Fact]
    public async Task ComputeAllAsync_TwoTeamsIncidentsHoursApartInOneWeek_AreRecomputedInOneRequest()
    {
        // Payments counts in Berlin time, web in UTC, so a changed span keeps its own start (a window's edge differs by
        // zone) and runs to the period's end. The batch: I3 on api Mon 23 Nov 01:00 UTC, I4 on web Sun 29 Nov 20:00 UTC:
        // spans of 7 days and 4 hours, too unlike to share a start as they are. Both lie in week 4 in either zone, which is
        // computed whole either way, so from its earliest start (Mon 23 00:00 Berlin) they are one request over both teams
        // (one read of the incidents for the three signals, StoredIncidents) rather than one per team.
        await using var store = await StoreAsync();
        var counting = new Ci.CountingStore(store.Store);
        var cache = new SignalCache(store.Time);
        ISignal[] signals = [new IncidentCount(), new Analytics.Signals.OnCall.OnCallPages(), new TimeToResolve()];
        await cache.ComputeAllAsync(signals, Request(counting, "Europe/Berlin"), 2, default);

        await store.WriteAsync((Entities.Incidents,
        [
            Incident("I3", "api", Monday.AddDays(21).AddHours(1)),
            Incident("I4", "web", Monday.AddDays(27).AddHours(20)),
        ]));
        var before = counting.ReadsOf(Entities.Incidents.Table);
        var after = await cache.ComputeAllAsync(signals, Request(counting, "Europe/Berlin"), 2, default);

        after.Should().OnlyContain(r => r.Outcome == SignalCacheOutcome.Incremental);
        // One read of the changed rows for the plans, one load for the round.
        (counting.ReadsOf(Entities.Incidents.Table) - before).Should().Be(2);
        for (var i = 0; i < signals.Length; i++)
        {
            after[i].Series.Should().BeEquivalentTo(await signals[i].ComputeAsync(Request(store.Store, "Europe/Berlin"), default), signals[i].Name);
        }
    }

    private static Dictionary<string, double?[]> Counts(IReadOnlyList<Series.Series> series) =>
        series.ToDictionary(s => $"{s.Labels["team"]}/{s.Labels["service"]}", s => s.Points.Select(p => p.Value).ToArray());

    private static async Task<TemporaryStore> StoreAsync()
    {
        var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync((Entities.Incidents,
        [
            Incident("I1", "api", Monday.AddDays(1).AddHours(10)),
            Incident("I2", "web", Monday.AddDays(8).AddHours(10)),
        ]));
        return store;
    }

    private static SignalRequest Request(IStore store, string paymentsZone = "UTC")
    {
        Team Team(string id, string service, string zone) =>
            new(id, id, zone, ValueList<TeamMember>.Empty, ValueList.Of("acme/" + id), ValueList.Of(service), null);
        return new(store, [Team("payments", "api", paymentsZone), Team("web", "web", "UTC")], new PersonDirectory([]), Monday, Monday.AddDays(28), Granularity.Week);
    }

    private static Incident Incident(string id, string service, DateTimeOffset created) =>
        new("pagerduty", id, $"Incident {id}", service, "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
            ValueList<string>.Empty, null, null);
}
