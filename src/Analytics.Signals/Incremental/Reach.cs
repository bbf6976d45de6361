namespace Analytics.Signals.Incremental;

/// <summary>
/// Which windows a stored row can change. A window <c>w</c> reads a row placed at <c>t</c> when
/// <c>w.Start − LookBack ≤ t &lt; w.End + LookAhead</c>: the look-back is how far before its start a window reads (the
/// flaky-test analysis reads 14 days before a window's end), the look-ahead how far after its end (a merge counts in the
/// window of the deployment that shipped it). The default value is <see cref="Bounded"/> with no margins.
/// </summary>
/// <param name="Kind">Bounded, every later window, or everything.</param>
/// <param name="LookBack">How far before a window's start its computation reads rows (bounded reach only).</param>
/// <param name="LookAhead">How far after a window's end its computation reads rows.</param>
public readonly record struct Reach(ReachKind Kind, TimeSpan LookBack, TimeSpan LookAhead)
{
    /// <summary>The windows whose span (widened by the margins) contains one of the row's times.</summary>
    public static Reach Bounded(TimeSpan lookBack, TimeSpan lookAhead) => new(ReachKind.Bounded, lookBack, lookAhead);

    /// <summary>Only the windows that contain one of the row's times.</summary>
    public static Reach Within { get; } = new(ReachKind.Bounded, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Every window from the row's earliest time less <paramref name="lookAhead"/> on.</summary>
    public static Reach EveryLater(TimeSpan lookAhead) => new(ReachKind.EveryLater, TimeSpan.Zero, lookAhead);

    /// <summary>Every window: a change recomputes the whole period.</summary>
    public static Reach Everything { get; } = new(ReachKind.Everything, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// The instants [start, end) whose windows a row placed from <paramref name="earliest"/> to <paramref name="latest"/>
    /// can change; null for everything. A sub-request over them recomputes exactly the windows that overlap them.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Span(DateTimeOffset earliest, DateTimeOffset latest) => Kind switch
    {
        // w.End > earliest − LookAhead  ⇔  w overlaps [earliest − LookAhead, …); w.Start ≤ latest + LookBack  ⇔  w overlaps […, latest + LookBack + 1 tick).
        ReachKind.Bounded => (Minus(earliest, LookAhead), Plus(latest, LookBack).AddTicks(1)),
        ReachKind.EveryLater => (Minus(earliest, LookAhead), DateTimeOffset.MaxValue),
        _ => null,
    };

    private static DateTimeOffset Minus(DateTimeOffset at, TimeSpan span) =>
        at - DateTimeOffset.MinValue < span ? DateTimeOffset.MinValue : at - span;

    private static DateTimeOffset Plus(DateTimeOffset at, TimeSpan span) =>
        DateTimeOffset.MaxValue - at <= span ? DateTimeOffset.MaxValue.AddTicks(-1) : at + span;
}
