namespace Analytics.Signals.Incremental;

/// <summary>How far a stored row's influence on a signal's windows reaches.</summary>
public enum ReachKind
{
    /// <summary>The windows around the row's times: a look-back and a look-ahead bound them.</summary>
    Bounded,

    /// <summary>Every window from the row's earliest time (less a look-ahead) on: history-based signals.</summary>
    EveryLater,

    /// <summary>Any window, however far: a changed row recomputes the signal whole.</summary>
    Everything,
}
