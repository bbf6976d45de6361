using System.Collections.Concurrent;
using Analytics.Signals;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;

namespace Analytics.Rules.Language;

/// <summary>
/// Computes signals from the store through <see cref="SignalCatalog"/>, once per signal and granularity; through the
/// signal cache when one is given, so a re-evaluation after a batch recomputes only the windows the batch reached.
/// Signals named up front (<see cref="PrepareAsync"/>) are computed together, sharing their loads and the cache's
/// change scans and spans.
/// </summary>
/// <param name="request">The store, teams, people and period; its granularity is replaced by each group's.</param>
/// <param name="cache">The signal cache to compute through; null computes every signal directly.</param>
public sealed class SignalSeriesSource(SignalRequest request, SignalCache? cache = null) : ISeriesSource
{
    private readonly ConcurrentDictionary<(string, Granularity), Task<IReadOnlyList<Series>>> _computed = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<Series>> ReadAsync(string signal, Granularity granularity, CancellationToken cancellationToken)
    {
        var found = SignalCatalog.Find(signal) ?? throw new ArgumentException($"unknown signal '{signal}'", nameof(signal));
        return _computed.GetOrAdd((signal, granularity), _ => ComputeAsync(found, request with { Granularity = granularity }, cancellationToken));
    }

    /// <summary>
    /// Computes the known signals of <paramref name="signals"/> together, per granularity, one per core at once (as
    /// <c>analytics signals</c> does): the loads a family shares are made once, and through the cache each table's
    /// changed rows are read once. A store failure leaves them to <see cref="ReadAsync"/>, one by one, so that only the
    /// rules of a signal that cannot be computed fail.
    /// </summary>
    public async Task PrepareAsync(IEnumerable<(string Signal, Granularity Granularity)> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        foreach (var group in signals.Distinct().Where(s => !_computed.ContainsKey(s)).GroupBy(s => s.Granularity))
        {
            var found = group.Select(s => SignalCatalog.Find(s.Signal)).OfType<ISignal>().ToList();
            var over = request with { Granularity = group.Key };
            IReadOnlyList<IReadOnlyList<Series>> computed;
            try
            {
                computed = cache is null
                    ? await SignalBatch.ComputeAsync(found, over, Environment.ProcessorCount, cancellationToken)
                    : (await cache.ComputeAllAsync(found, over, Environment.ProcessorCount, cancellationToken)).Select(r => r.Series).ToList();
            }
            catch (StoreException)
            {
                continue;
            }

            for (var i = 0; i < found.Count; i++)
            {
                _computed.TryAdd((found[i].Name, group.Key), Task.FromResult(computed[i]));
            }
        }
    }

    private async Task<IReadOnlyList<Series>> ComputeAsync(ISignal signal, SignalRequest signalRequest, CancellationToken cancellationToken) =>
        cache is null
            ? await signal.ComputeAsync(signalRequest, cancellationToken)
            : (await cache.ComputeAsync(signal, signalRequest, cancellationToken)).Series;
}
