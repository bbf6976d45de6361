namespace Analytics.Signals.Incremental;

/// <summary>
/// What <see cref="SignalCache.ComputeAllAsync"/> found for one signal before computing anything: answered from the
/// cache already (<see cref="Done"/>), to compute without the cache (no <see cref="Key"/>), to compute whole (no
/// <see cref="Cached"/>), or to recompute <see cref="Spans"/> into <see cref="Cached"/>.
/// </summary>
/// <param name="Signal">The signal.</param>
/// <param name="Key">Its cache key; null when it has no footprint and is not cached.</param>
/// <param name="Cached">Its cached result, when only <paramref name="Spans"/> are recomputed.</param>
/// <param name="Spans">
/// The spans the batch reached, widened to whole windows, merged and clipped to the period, each for the teams it reached
/// (every team when a span's teams are null).
/// </param>
/// <param name="ChangedRows">How many changed or deleted rows were looked at.</param>
/// <param name="Reason">Why it is computed as it is.</param>
internal sealed record SignalCachePlan(
    ISignal Signal,
    string? Key,
    CachedResult? Cached,
    IReadOnlyList<ReachedSpan> Spans,
    int ChangedRows,
    string Reason)
{
    /// <summary>The answer, when the cache gave it without computing.</summary>
    public SignalCacheResult? Done { get; init; }

    /// <summary>Whether the signal is computed over the whole request (with or without caching the result).</summary>
    public bool ComputedWhole => Done is null && Cached is null;

    /// <summary>Whether only <see cref="Spans"/> are recomputed.</summary>
    public bool Incremental => Done is null && Cached is not null;
}
