using Analytics.Domain.Work;
using Analytics.Signals.Membership;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Loads the tickets of the request's teams (a ticket belongs to the team its assignee is a member of) and traces each
/// through its transitions.
/// </summary>
internal static class TicketData
{
    private static readonly string[] TransitionColumns = ["source", "ticket_key", "change_id", "at", "from_status", "to_status", "from_category", "to_category"];
    private const int Source = 0;
    private const int TicketKey = 1;
    private const int ChangeId = 2;
    private const int At = 3;
    private const int FromStatus = 4;
    private const int ToStatus = 5;
    private const int FromCategory = 6;
    private const int ToCategory = 7;

    /// <summary>
    /// The request's teams' tickets traced through their transitions, <paramref name="blocked"/> statuses counting as
    /// blocked; read once per request and set of statuses (<see cref="SignalRequest.OncePerRequestAsync"/>). The tickets
    /// come from <see cref="StoredTickets"/>, shared with the work mix.
    /// </summary>
    public static Task<IReadOnlyList<TicketLife>> LoadAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(
            (nameof(TicketData), string.Join('\u001f', blocked.Order(StringComparer.Ordinal))),
            ct => TraceAsync(request, blocked, ct),
            cancellationToken);

    private static async Task<IReadOnlyList<TicketLife>> TraceAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var tickets = new Dictionary<(string Source, string Key), (Ticket Ticket, Domain.People.Team Team)>();
        foreach (var ticket in await StoredTickets.LoadAsync(request, cancellationToken))
        {
            if (membership.TeamOf(ticket.Source, ticket.Assignee) is { } team)
            {
                tickets[(ticket.Source, ticket.Key)] = (ticket, team);
            }
        }

        // A columnar read: no record is parsed for the transitions of tickets no team has, and the strings of those
        // kept come from the read's table. The transitions a ticket gets, and their order, are the record read's (the
        // same query, so the same order); TicketHistory uses neither the author nor anything else left out.
        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.TicketTransitions, TransitionColumns, null, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(Source);
            var keys = batch.Codes(TicketKey);
            var changeIds = batch.Codes(ChangeId);
            var at = batch.Ticks(At);
            var fromStatuses = batch.Codes(FromStatus);
            var toStatuses = batch.Codes(ToStatus);
            var fromCategories = batch.Codes(FromCategory);
            var toCategories = batch.Codes(ToCategory);
            for (var row = 0; row < batch.Count; row++)
            {
                var key = (strings[sources[row]], strings[keys[row]]);
                if (!tickets.ContainsKey(key))
                {
                    continue;
                }

                var transition = new TicketTransition(
                    key.Item1,
                    key.Item2,
                    strings[changeIds[row]],
                    new DateTimeOffset(at[row], TimeSpan.Zero),
                    fromStatuses[row] == StringTable.Null ? null : strings[fromStatuses[row]],
                    strings[toStatuses[row]],
                    batch.IsNull(FromCategory, row) ? null : (StatusCategory)fromCategories[row],
                    (StatusCategory)toCategories[row],
                    null);
                (transitions.TryGetValue(key, out var list) ? list : transitions[key] = []).Add(transition);
            }
        }

        return tickets
            .Select(entry => TicketHistory.Trace(entry.Value.Ticket, entry.Value.Team, transitions.GetValueOrDefault(entry.Key, []), blocked))
            .ToList();
    }
}
