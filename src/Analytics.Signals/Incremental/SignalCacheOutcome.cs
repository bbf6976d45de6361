namespace Analytics.Signals.Incremental;

/// <summary>How the signal cache answered a request.</summary>
public enum SignalCacheOutcome
{
    /// <summary>The signal has no footprint: computed directly, nothing cached.</summary>
    Uncached,

    /// <summary>Computed over the whole period (nothing cached yet, or a change that reaches everything) and cached.</summary>
    Full,

    /// <summary>Only the windows a change can have reached were recomputed; the rest came from the cache.</summary>
    Incremental,

    /// <summary>Nothing the signal reads changed: every window came from the cache.</summary>
    Reused,
}
