using System.Runtime.InteropServices;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tickets;

/// <summary>
/// Loads the tickets of the request's teams (a ticket belongs to the team its assignee is a member of) and traces each
/// through its transitions: every ticket that can be resolved where the request's signals look
/// (<see cref="ResolvedSince"/>), not every ticket of the store, so a recomputed span reads the transitions of its
/// months, not of the whole history.
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

    // Ticket keys per IN (…) list: well under SQLite's and PostgreSQL's parameter limits.
    private const int KeyChunk = 500;

    /// <summary>
    /// The request's teams' tickets that can be resolved from <see cref="ResolvedSince"/> on, traced through their
    /// transitions, <paramref name="blocked"/> statuses counting as blocked, in store order; read once per request and
    /// set of statuses (<see cref="SignalRequest.OncePerRequestAsync"/>). Every ticket resolved from then on is there
    /// (others may be, resolved earlier or not at all). The tickets come from <see cref="StoredTickets"/>, shared with the
    /// work mix and the sprint commitments.
    /// </summary>
    public static Task<IReadOnlyList<TicketLife>> LoadAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(
            (nameof(TicketData), string.Join('\u001f', blocked.Order(StringComparer.Ordinal))),
            ct => TraceAsync(request, blocked, ct),
            cancellationToken);

    /// <summary>
    /// The earliest resolution the request's ticket signals count: the first window's start (in any team's zone), less the
    /// work mix's trailing quarter (three months before a window's last day, two days more for the zones) or the
    /// forecast's <see cref="ForecastRatio.History"/> windows before the first, whichever reaches further.
    /// </summary>
    public static DateTimeOffset ResolvedSince(SignalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (start, _) = WindowedValues.Span(request);
        if (start == DateTimeOffset.MaxValue)
        {
            return start;
        }

        var since = start.AddMonths(-3).AddDays(-2);
        foreach (var zone in request.Teams.Select(t => t.TimeZone).Distinct(StringComparer.Ordinal))
        {
            var first = TimeWindow.Covering(request.From, request.To, request.Granularity, zone).First();
            for (var i = 0; i < ForecastRatio.History; i++)
            {
                first = TimeWindow.Containing(first.Start.AddTicks(-1), request.Granularity, zone);
            }

            since = first.Start < since ? first.Start : since;
        }

        return since;
    }

    /// <summary>
    /// The request's teams' tickets with the team each counts for, in store order, once per request: from the stored
    /// tickets, without their transitions.
    /// </summary>
    public static Task<IReadOnlyDictionary<(string Source, string Key), (Ticket Ticket, Team Team)>> TeamTicketsAsync(
        SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync((nameof(TicketData), nameof(TeamTicketsAsync)), ct => ReadTeamTicketsAsync(request, ct), cancellationToken);

    /// <summary>The lives of the request's teams' tickets with <paramref name="keys"/>, traced through all their transitions.</summary>
    public static async Task<IReadOnlyList<TicketLife>> TraceAsync(
        SignalRequest request, IReadOnlyCollection<(string Source, string Key)> keys, IReadOnlySet<string> blocked, CancellationToken cancellationToken)
    {
        var tickets = await TeamTicketsAsync(request, cancellationToken);
        var wanted = keys.Where(tickets.ContainsKey).ToHashSet();
        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await ReadByKeyAsync(request.Store, wanted, null, transitions, cancellationToken);
        return Lives(tickets, wanted, transitions, blocked);
    }

    /// <summary>Every transition of the tickets with <paramref name="keys"/>, whatever their team, by ticket.</summary>
    public static async Task<IReadOnlyDictionary<(string Source, string Key), List<TicketTransition>>> ReadTransitionsAsync(
        IStore store, IReadOnlySet<(string Source, string Key)> keys, CancellationToken cancellationToken)
    {
        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await ReadByKeyAsync(store, keys, null, transitions, cancellationToken);
        return transitions;
    }

    private static async Task<IReadOnlyDictionary<(string Source, string Key), (Ticket Ticket, Team Team)>> ReadTeamTicketsAsync(
        SignalRequest request, CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var tickets = new Dictionary<(string Source, string Key), (Ticket Ticket, Team Team)>();
        foreach (var ticket in await StoredTickets.LoadAsync(request, cancellationToken))
        {
            if (membership.TeamOf(ticket.Source, ticket.Assignee) is { } team)
            {
                tickets[(ticket.Source, ticket.Key)] = (ticket, team);
            }
        }

        return tickets;
    }

    private static async Task<IReadOnlyList<TicketLife>> TraceAsync(SignalRequest request, IReadOnlySet<string> blocked, CancellationToken cancellationToken)
    {
        var tickets = await TeamTicketsAsync(request, cancellationToken);
        var since = ResolvedSince(request);
        if (tickets.Count == 0 || since == DateTimeOffset.MaxValue)
        {
            return [];
        }

        // A ticket's resolution is the start of its final run of Done statuses, a transition's instant: one resolved from
        // `since` on has a transition from then on (ix_ticket_transitions_at finds them); one without any transition is
        // resolved when its record says so. Their earlier transitions are read by key: the final run or the start of
        // work can precede `since`.
        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await ReadAsync(request.Store, StoreQuery.All.Since("at", since), tickets.ContainsKey, transitions, cancellationToken);
        var traced = transitions.Keys.ToHashSet();
        traced.UnionWith(tickets
            .Where(t => !transitions.ContainsKey(t.Key) && t.Value.Ticket.Category == StatusCategory.Done && t.Value.Ticket.ResolvedAt >= since)
            .Select(t => t.Key));
        if (await AnyBeforeAsync(request.Store, since, cancellationToken))
        {
            await ReadByKeyAsync(request.Store, traced, since, transitions, cancellationToken);
        }

        return Lives(tickets, traced, transitions, blocked);
    }

    // In store order (the signals sum in load order, so a part of a request must add a window's tickets as the whole does).
    private static List<TicketLife> Lives(
        IReadOnlyDictionary<(string Source, string Key), (Ticket Ticket, Team Team)> tickets,
        IReadOnlySet<(string Source, string Key)> traced,
        Dictionary<(string Source, string Key), List<TicketTransition>> transitions,
        IReadOnlySet<string> blocked) =>
        tickets
            .Where(entry => traced.Contains(entry.Key))
            .Select(entry => TicketHistory.Trace(entry.Value.Ticket, entry.Value.Team, transitions.GetValueOrDefault(entry.Key, []), blocked))
            .ToList();

    // A count over the `at` index: a read stopped after its first rows would still drain the rest on PostgreSQL.
    private static async Task<bool> AnyBeforeAsync(IStore store, DateTimeOffset since, CancellationToken cancellationToken) =>
        await store.CountAsync(Entities.TicketTransitions, StoreQuery.All.Before("at", since), cancellationToken) > 0;

    // The transitions of `keys` (before `before`, when given), per source and chunk of keys (the primary key's prefix).
    private static async Task ReadByKeyAsync(
        IStore store, IReadOnlySet<(string Source, string Key)> keys, DateTimeOffset? before,
        Dictionary<(string Source, string Key), List<TicketTransition>> into, CancellationToken cancellationToken)
    {
        foreach (var source in keys.GroupBy(k => k.Source, StringComparer.Ordinal))
        {
            foreach (var chunk in source.Select(k => k.Key).Order(StringComparer.Ordinal).Chunk(KeyChunk))
            {
                var query = StoreQuery.All.Where("source", source.Key).WhereIn("ticket_key", chunk);
                await ReadAsync(store, before is { } end ? query.Before("at", end) : query, keys.Contains, into, cancellationToken);
            }
        }
    }

    // A columnar read: no record is parsed for the transitions of tickets not kept, and the strings of those kept come
    // from the read's table. TicketHistory orders a ticket's transitions itself and uses neither the author nor anything
    // else left out.
    private static async Task ReadAsync(
        IStore store, StoreQuery query, Func<(string Source, string Key), bool> keep,
        Dictionary<(string Source, string Key), List<TicketTransition>> into, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<long, List<TicketTransition>?>(); // by source and key codes; null for a ticket not kept
        await foreach (var batch in store.ReadColumnsAsync(Entities.TicketTransitions, TransitionColumns, query.InAnyOrder(), cancellationToken))
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
                // Each ticket's list is found by its codes, its texts hashed once per ticket rather than once per transition.
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, ((long)sources[row] << 32) | (uint)keys[row], out var met);
                if (!met)
                {
                    var ticket = (strings[sources[row]], strings[keys[row]]);
                    list = keep(ticket) ? (into.TryGetValue(ticket, out var kept) ? kept : into[ticket] = []) : null;
                }

                if (list is null)
                {
                    continue;
                }

                var transition = new TicketTransition(
                    strings[sources[row]],
                    strings[keys[row]],
                    strings[changeIds[row]],
                    new DateTimeOffset(at[row], TimeSpan.Zero),
                    fromStatuses[row] == StringTable.Null ? null : strings[fromStatuses[row]],
                    strings[toStatuses[row]],
                    batch.IsNull(FromCategory, row) ? null : (StatusCategory)fromCategories[row],
                    (StatusCategory)toCategories[row],
                    null);
                list.Add(transition);
            }
        }
    }
}
