using Analytics.Signals.Ci;
using Analytics.Signals.Incidents;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A pass's rounds share one set of slots (SignalCache.ComputeAllAsync): a round's signals start while an earlier round
/// is still computing, so a round of one long signal (the change points over the year) leaves no core idle. Team
/// "payments" owns acme/payments and runs service api; weeks of 2, 9, 16 and 23 November 2026 (UTC).
/// </summary>
public sealed class RoundOverlapTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    [Fact]
    public async Task ComputeAllAsync_ARoundStillComputing_DoesNotHoldBackTheNextRound()
    {
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(29));
        await store.WriteAsync(
            (Entities.Incidents, [PaymentsTeam.Incident("I1", Monday.AddDays(1))]),
            (Entities.WorkflowRuns, [PaymentsTeam.Run("R1", Monday.AddDays(1)), PaymentsTeam.Run("R2", Monday.AddDays(8))]));
        var cache = new SignalCache(store.Time);
        var incidentsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var changePoints = new Gated(new CiChangePoints());
        var incidents = new Gated(new IncidentCount());
        await cache.ComputeAllAsync([changePoints, incidents], PaymentsTeam.Request(store.Store), 2, default);

        // After the batch the change points are recomputed whole (the first round) and the incident count over the
        // incident's weeks (a round of its own). The change points finish only once the incident count has started.
        await store.WriteAsync(
            (Entities.Incidents, [PaymentsTeam.Incident("I2", Monday.AddDays(22))]),
            (Entities.WorkflowRuns, [PaymentsTeam.Run("R3", Monday.AddDays(22))]));
        changePoints.Before = async token =>
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            await incidentsStarted.Task.WaitAsync(patience.Token);
        };
        incidents.Before = _ =>
        {
            incidentsStarted.TrySetResult();
            return Task.CompletedTask;
        };
        var after = await cache.ComputeAllAsync([changePoints, incidents], PaymentsTeam.Request(store.Store), 2, default);

        after[1].Outcome.Should().Be(SignalCacheOutcome.Incremental);
        after[0].Series.Should().BeEquivalentTo(await new CiChangePoints().ComputeAsync(PaymentsTeam.Request(store.Store), default));
        after[1].Series.Should().BeEquivalentTo(await new IncidentCount().ComputeAsync(PaymentsTeam.Request(store.Store), default));
    }

    /// <summary>A catalogue signal (its name keeps its footprint) that first runs <see cref="Before"/>, when set.</summary>
    private sealed class Gated(ISignal inner) : ISignal
    {
        public Func<CancellationToken, Task>? Before { get; set; }

        public string Name => inner.Name;

        public string Description => inner.Description;

        public SignalUnit Unit => inner.Unit;

        public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
        {
            if (Before is { } before)
            {
                await before(cancellationToken);
            }

            return await inner.ComputeAsync(request, cancellationToken);
        }
    }
}
