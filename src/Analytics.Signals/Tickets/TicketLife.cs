using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.Tickets;

/// <summary>What the ticket signals need of one ticket, read from its transition history.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Team">The team its assignee is a member of.</param>
/// <param name="ResolvedAt">When it last entered a Done-category status, if that is where it is now; else null.</param>
/// <param name="StartedAt">When it first entered an InProgress-category status before <paramref name="ResolvedAt"/>; else null.</param>
/// <param name="Blocked">Time spent in blocked statuses between <paramref name="StartedAt"/> and <paramref name="ResolvedAt"/>.</param>
internal sealed record TicketLife(Ticket Ticket, Team Team, DateTimeOffset? ResolvedAt, DateTimeOffset? StartedAt, TimeSpan Blocked)
{
    /// <summary>Start of work → resolution, for resolved tickets that were started.</summary>
    public TimeSpan? CycleTime => ResolvedAt is { } resolved && StartedAt is { } started ? resolved - started : null;
}
