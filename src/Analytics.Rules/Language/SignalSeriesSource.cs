using System.Collections.Concurrent;
using Analytics.Signals;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>
/// Computes signals from the store through <see cref="SignalCatalog"/>, once per signal and granularity; through the
/// signal cache when one is given, so a re-evaluation after a batch recomputes only the windows the batch reached.
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

    private async Task<IReadOnlyList<Series>> ComputeAsync(ISignal signal, SignalRequest signalRequest, CancellationToken cancellationToken) =>
        cache is null
            ? await signal.ComputeAsync(signalRequest, cancellationToken)
            : (await cache.ComputeAsync(signal, signalRequest, cancellationToken)).Series;
}
