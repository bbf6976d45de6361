using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// A postmortem action item: a ticket with an action label that mentions an incident of <paramref name="Team"/>; the
/// ticket's fields the action signals use.
/// </summary>
/// <param name="CreatedAt">When the ticket was created.</param>
/// <param name="Category">Its current status category.</param>
/// <param name="ResolvedAt">When it was resolved, if recorded.</param>
/// <param name="UpdatedAt">When it last changed upstream.</param>
/// <param name="Team">The team of the incident it follows up.</param>
internal sealed record ActionItem(DateTimeOffset CreatedAt, StatusCategory Category, DateTimeOffset? ResolvedAt, DateTimeOffset UpdatedAt, Team Team)
{
    /// <summary>Whether it was open at <paramref name="at"/>: created by then, not resolved by then.</summary>
    public bool OpenAt(DateTimeOffset at) =>
        CreatedAt <= at && !(Category == StatusCategory.Done && (ResolvedAt ?? UpdatedAt) <= at);
}
