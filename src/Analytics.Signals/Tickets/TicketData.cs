using Analytics.Domain.Work;
using Analytics.Signals.Membership;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Loads the tickets of the request's teams (a ticket belongs to the team its assignee is a member of) and traces each
/// through its transitions.
/// </summary>
internal static class TicketData
{
    public static async Task<IReadOnlyList<TicketLife>> LoadAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var tickets = new Dictionary<(string Source, string Key), (Ticket Ticket, Domain.People.Team Team)>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, cancellationToken))
        {
            if (membership.TeamOf(ticket.Source, ticket.Assignee) is { } team)
            {
                tickets[(ticket.Source, ticket.Key)] = (ticket, team);
            }
        }

        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await foreach (var transition in request.Store.ReadAsync(Entities.TicketTransitions, null, cancellationToken))
        {
            var key = (transition.Source, transition.TicketKey);
            if (tickets.ContainsKey(key))
            {
                (transitions.TryGetValue(key, out var list) ? list : transitions[key] = []).Add(transition);
            }
        }

        return tickets
            .Select(entry => TicketHistory.Trace(entry.Value.Ticket, entry.Value.Team, transitions.GetValueOrDefault(entry.Key, []), blocked))
            .ToList();
    }
}
