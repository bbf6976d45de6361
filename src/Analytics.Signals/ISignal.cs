using Analytics.Signals.Series;

namespace Analytics.Signals;

/// <summary>
/// A signal: a named measurement computed from the store as labelled series. Each has a definition in
/// <c>docs/signals/&lt;name&gt;.md</c>. A signal only reads; it is a pure function of the store's contents and the request.
/// </summary>
public interface ISignal
{
    /// <summary>The signal's name, such as <c>pr.cycle_time</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>What its values measure.</summary>
    SignalUnit Unit { get; }

    /// <summary>Computes the signal's series for every team's windows in the request's period.</summary>
    /// <exception cref="Storage.StoreException">The store cannot be read.</exception>
    Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken);
}
