using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Signals.Commitments;

/// <summary>What became of one finished sprint's scope (tickets and their story points).</summary>
/// <param name="Sprint">The sprint.</param>
/// <param name="Team">The team most of its tickets' assignees belong to.</param>
/// <param name="EndedAt">When it closed (its completion, else its planned end).</param>
/// <param name="Committed">Tickets in it when it started (count, points).</param>
/// <param name="CommittedDone">Committed tickets still in it and resolved by its end.</param>
/// <param name="Added">Tickets that entered it after it started.</param>
/// <param name="CarriedOver">Tickets in it at its end that were not resolved.</param>
internal sealed record SprintOutcome(
    Sprint Sprint,
    Team Team,
    DateTimeOffset EndedAt,
    (int Count, double Points) Committed,
    (int Count, double Points) CommittedDone,
    (int Count, double Points) Added,
    (int Count, double Points) CarriedOver);
