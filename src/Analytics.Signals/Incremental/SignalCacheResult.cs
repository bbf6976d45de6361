namespace Analytics.Signals.Incremental;

/// <summary>
/// A signal's series as <see cref="ISignal.ComputeAsync"/> returns them, with what the cache reused and recomputed (for
/// logs and the benchmark). Equality is by reference.
/// </summary>
/// <param name="Series">The series: the same label sets and points as a full computation.</param>
/// <param name="Outcome">How the cache answered.</param>
/// <param name="WindowsRecomputed">
/// How many windows (per time zone) were computed again: every window when computed whole; when incremental, the windows
/// the batch reached for this signal (<see cref="SignalCache.ComputeAllAsync"/> may compute a few more over a span it shares).
/// </param>
/// <param name="WindowsReused">How many windows of the period came from the cache.</param>
/// <param name="ChangedRows">How many changed or deleted rows of the signal's entities the cache looked at.</param>
/// <param name="Reason">Why it recomputed what it did, in a few words.</param>
public sealed record SignalCacheResult(
    IReadOnlyList<Series.Series> Series,
    SignalCacheOutcome Outcome,
    int WindowsRecomputed,
    int WindowsReused,
    int ChangedRows,
    string Reason);
