using Analytics.Signals.Series;

namespace Analytics.Signals;

/// <summary>Computes several signals over one request, as a report, an evaluation or <c>analytics signals</c> does.</summary>
public static class SignalBatch
{
    /// <summary>
    /// Computes <paramref name="signals"/> over <paramref name="request"/>, at most <paramref name="parallelism"/> at once
    /// (the processor count uses every core). They share the request, so analyses several of them need are made once
    /// (<see cref="SignalRequest"/>'s shared analyses: a signal that needs one under way waits for it, giving its turn to
    /// the next signal meanwhile: <see cref="ComputeSlots"/>). The longest start first (<see cref="SignalCatalog.StartOrder"/>).
    /// </summary>
    /// <param name="signals">The signals.</param>
    /// <param name="request">The request they are computed over.</param>
    /// <param name="parallelism">How many are computed at once (at least 1).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Each signal's series, in the order of <paramref name="signals"/>.</returns>
    /// <exception cref="Storage.StoreException">The store cannot be read.</exception>
    public static async Task<IReadOnlyList<IReadOnlyList<Series.Series>>> ComputeAsync(
        IReadOnlyList<ISignal> signals,
        SignalRequest request,
        int parallelism,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new IReadOnlyList<Series.Series>[signals.Count];
        var order = SignalCatalog.StartOrder(signals);
        await ComputeSlots.RunAsync(
            signals.Count,
            parallelism,
            async (start, token) => results[order[start]] = await signals[order[start]].ComputeAsync(request, token),
            cancellationToken);
        return results;
    }
}
