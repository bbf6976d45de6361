using System.Collections.Concurrent;
using Analytics.Signals;
using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>Computes signals from the store through <see cref="SignalCatalog"/>, once per signal and granularity.</summary>
/// <param name="request">The store, teams, people and period; its granularity is replaced by each group's.</param>
public sealed class SignalSeriesSource(SignalRequest request) : ISeriesSource
{
    private readonly ConcurrentDictionary<(string, Granularity), Task<IReadOnlyList<Series>>> _computed = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<Series>> ReadAsync(string signal, Granularity granularity, CancellationToken cancellationToken)
    {
        var found = SignalCatalog.Find(signal) ?? throw new ArgumentException($"unknown signal '{signal}'", nameof(signal));
        return _computed.GetOrAdd((signal, granularity), _ => found.ComputeAsync(request with { Granularity = granularity }, cancellationToken));
    }
}
