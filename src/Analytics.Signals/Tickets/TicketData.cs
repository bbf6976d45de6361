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
    /// <summary>
    /// The request's teams' tickets traced through their transitions, <paramref name="blocked"/> statuses counting as
    /// blocked; read once per request and set of statuses (<see cref="SignalRequest.OncePerRequestAsync"/>).
    /// </summary>
    public static Task<IReadOnlyList<TicketLife>> LoadAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(
            (nameof(TicketData), string.Join('\u001f', blocked.Order(StringComparer.Ordinal))),
            ct => LoadAsync(request, blocked, null, ct),
            cancellationToken);

    /// <summary>
    /// As <see cref="LoadAsync(SignalRequest, IReadOnlySet{string}, CancellationToken)"/>, also handing every stored
    /// ticket, in store order, to <paramref name="seen"/>: for a caller that needs the other teams' tickets too, without
    /// reading the table twice.
    /// </summary>
    public static async Task<IReadOnlyList<TicketLife>> LoadAsync(
        SignalRequest request, IReadOnlySet<string> blocked, Action<Ticket>? seen, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var tickets = new Dictionary<(string Source, string Key), (Ticket Ticket, Domain.People.Team Team)>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, cancellationToken))
        {
            seen?.Invoke(ticket);
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
