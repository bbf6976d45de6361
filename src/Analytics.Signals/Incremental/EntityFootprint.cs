using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// One entity a signal reads: which time columns place a row in time and how far the row reaches. A row whose time
/// columns are all empty (and that has no <see cref="Via"/>) can have counted anywhere, so it recomputes everything,
/// unless <see cref="UnplacedCountsNowhere"/> says such a row is in no window (an unmerged pull request for a
/// merged-pull-request signal). Equality is by reference.
/// </summary>
/// <param name="Entity">The entity read.</param>
/// <param name="TimeColumns">Its instant columns that place a row; the row's reach spans from the earliest to the latest.</param>
/// <param name="Reach">Which windows a row can change.</param>
public sealed record EntityFootprint(EntityMap Entity, IReadOnlyList<string> TimeColumns, Reach Reach)
{
    /// <summary>Places rows by the row they belong to instead of <see cref="TimeColumns"/>; null when they have their own.</summary>
    public TimeVia? Via { get; init; }

    /// <summary>
    /// Places rows by the rows that mention their key instead of <see cref="TimeColumns"/> (a ticket by the pull requests
    /// naming it); null when they are not placed that way. A deleted row recomputes everything: what mentioned it is not
    /// known any more.
    /// </summary>
    public Mentions? MentionedBy { get; init; }

    /// <summary>
    /// The rows are tickets or their transitions, placed by the tickets' histories (<see cref="TicketResolutionBounds"/>):
    /// a batch's transitions (with <see cref="Via"/> to their ticket) from the earliest instant their ticket's resolution
    /// can lie at, before the batch or after it, rather than from the ticket's creation, where a ticket without earlier
    /// transitions still falls back to; a changed ticket with transitions by nothing (the store records its insert and
    /// any change beyond its status as its row deleted, <c>EntityMap.RewritesIgnoring</c>), one without by its own
    /// times. For signals whose every value from a ticket's transitions counts at its resolution or later (cycle and
    /// blocked time, throughput, the work mix, a sprint ending after it). False (the default): placed as the rest says.
    /// </summary>
    public bool PlacedByTicketHistory { get; init; }

    /// <summary>
    /// The rows belong to a CI run (<c>source</c>, <c>repository</c>, <c>run_id</c>: its attempts, its jobs): a changed
    /// row is placed by its own times and by those of every stored attempt of its run (<c>workflow_runs</c>), whose
    /// windows the run's grouping can change (a re-run marks the first attempt as re-run; a first attempt collected late
    /// moves the run to its window). Without it a reach has to look a whole grouping margin back from every row.
    /// </summary>
    public bool WithRunAttempts { get; init; }

    /// <summary>Whether a row with no time set counts in no window (default false: it recomputes everything).</summary>
    public bool UnplacedCountsNowhere { get; init; }
}
