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

    private static SignalRequest Request(IStore store)
    {
        Team Team(string id, string service) =>
            new(id, id, "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/" + id), ValueList.Of(service), null);
        return new(store, [Team("payments", "api"), Team("web", "web")], new PersonDirectory([]), Monday, Monday.AddDays(28), Granularity.Week);
    }

    private static Incident Incident(string id, string service, DateTimeOffset created) =>
        new("pagerduty", id, $"Incident {id}", service, "SEV2", IncidentStatus.Resolved, created, created.AddMinutes(5), created.AddHours(1),
            ValueList<string>.Empty, null, null);
}
