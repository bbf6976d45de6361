using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>
/// Where rule evaluation gets a signal's series: computed from the store in production (<see cref="SignalSeriesSource"/>),
/// given directly in rule tests (<see cref="InMemorySeriesSource"/>).
/// </summary>
public interface ISeriesSource
{
    /// <summary>
    /// Every series of <paramref name="signal"/> at <paramref name="granularity"/>, oldest window first. Windows not yet
    /// complete at the evaluation time may be included; the evaluator ignores them.
    /// </summary>
    /// <exception cref="Storage.StoreException">The store cannot be read; the rules reading this signal fail, the others go on.</exception>
    Task<IReadOnlyList<Series>> ReadAsync(string signal, Granularity granularity, CancellationToken cancellationToken);

    /// <summary>
    /// Told up front which signals will be read, so that a source can compute them together (sharing their loads); the
    /// default does nothing and every signal is read on its own.
    /// </summary>
    Task PrepareAsync(IEnumerable<(string Signal, Granularity Granularity)> signals, CancellationToken cancellationToken) => Task.CompletedTask;
}
