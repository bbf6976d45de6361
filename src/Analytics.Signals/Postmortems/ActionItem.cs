using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.Postmortems;

/// <summary>A postmortem action item: a ticket with an action label that mentions an incident of <paramref name="Team"/>.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Team">The team of the incident it follows up.</param>
internal sealed record ActionItem(Ticket Ticket, Team Team)
{
    /// <summary>Whether it was open at <paramref name="at"/>: created by then, not resolved by then.</summary>
    public bool OpenAt(DateTimeOffset at) =>
        Ticket.CreatedAt <= at && !(Ticket.Category == StatusCategory.Done && (Ticket.ResolvedAt ?? Ticket.UpdatedAt) <= at);
}
