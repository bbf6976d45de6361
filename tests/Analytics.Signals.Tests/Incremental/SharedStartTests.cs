using Analytics.Signals.Ci;
using Analytics.Signals.Incidents;
using Analytics.Signals.Incremental;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// Spans ending together share the earliest start within twice their length (SignalCache.CommonSpans), but a signal
/// sharing an expensive load (<see cref="SignalFootprints.SharedLoads"/>: here the CI runs) takes starts from its own
/// group only: an unrelated signal's earlier start would stretch the load and share nothing. Team "payments" owns
/// acme/payments and runs service api; weeks of 2, 9, 16 and 23 November 2026 (UTC).
/// </summary>
public sealed class SharedStartTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAllAsync_AnIncidentAWeekBeforeARun_LeavesTheCiRoundToTheRunsWeek()
    {
        // The batch: incidents on Tue 17 and Tue 24 Nov (weeks 3–4 recomputed for incidents.count) and a run on Tue 24 Nov
        // (week 4 for ci.run_duration). Shared, the CI runs would be read and computed from 16 Nov.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync(
            (Entities.Incidents, [PaymentsTeam.Incident("I1", Monday.AddDays(1))]),
            (Entities.WorkflowRuns, [PaymentsTeam.Run("R1", Monday.AddDays(1)), PaymentsTeam.Run("R2", Monday.AddDays(8)), PaymentsTeam.Run("R3", Monday.AddDays(15))]));
        var rounds = new List<string>();
        var cache = new SignalCache(store.Time) { Trace = line => { lock (rounds) { rounds.Add(line); } } };
        ISignal[] signals = [new IncidentCount(), new CiRunDuration()];
        await cache.ComputeAllAsync(signals, PaymentsTeam.Request(store.Store), 2, default);

        await store.WriteAsync(
            (Entities.Incidents, [PaymentsTeam.Incident("I2", Monday.AddDays(15)), PaymentsTeam.Incident("I3", Monday.AddDays(22))]),
            (Entities.WorkflowRuns, [PaymentsTeam.Run("R4", Monday.AddDays(22))]));
        rounds.Clear();
        var after = await cache.ComputeAllAsync(signals, PaymentsTeam.Request(store.Store), 2, default);

        rounds.Should().ContainSingle(r => r.Contains("ci.run_duration", StringComparison.Ordinal))
            .Which.Should().StartWith("round 2026-11-23 00:00 to 2026-11-30 00:00");
        rounds.Should().ContainSingle(r => r.Contains("incidents.count", StringComparison.Ordinal))
            .Which.Should().StartWith("round 2026-11-16 00:00 to 2026-11-30 00:00");
        for (var i = 0; i < signals.Length; i++)
        {
            after[i].Series.Should().BeEquivalentTo(await signals[i].ComputeAsync(PaymentsTeam.Request(store.Store), default), signals[i].Name);
        }
    }
}
