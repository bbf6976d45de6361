using Analytics.Signals.Tickets;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Places a batch's tickets and ticket transitions by the tickets' histories (<see cref="EntityFootprint.PlacedByTicketHistory"/>).
/// <list type="bullet">
/// <item>A transition: per ticket, the instant of its earliest changed transition, then, from its transitions before that
/// one (read by key), the earliest instant its resolution can lie at before the batch or after it
/// (<see cref="TicketHistory.EarliestResolution"/>). An old ticket moved on today reaches back to today, or to the start
/// of the Done run it leaves (where it was resolved), not to its creation months ago. The store records a transition
/// moved in time as its former row deleted (<see cref="EntityMap.MovedBy"/>), so the transitions before a changed one
/// are the same before the batch and after it.</item>
/// <item>A ticket: one with stored transitions is placed by nothing here, since its history, not its status, says where
/// it is resolved, and the store records any other change to it, and its insert, as the row deleted
/// (<see cref="EntityMap.RewritesIgnoring"/>); one without transitions is placed by its own times.</item>
/// </list>
/// </summary>
/// <param name="entity">The tickets' or the ticket transitions' entity.</param>
internal sealed class TicketResolutionBounds(EntityMap entity)
{
    private readonly bool _transitions = entity.Table == Entities.TicketTransitions.Table;
    private readonly int _source = entity.IndexOf("source");
    private readonly int _key = entity.IndexOf(KeyColumn(entity));
    private readonly int _at = entity.IndexOf("at");
    private readonly Dictionary<(string Source, string Key), DateTimeOffset> _earliestChange = [];
    private readonly List<((string Source, string Key) Ticket, object?[] Values)> _tickets = [];

    /// <summary>The columns a changed row of <paramref name="entity"/> is placed by, besides its time columns.</summary>
    public static IReadOnlyList<string> Columns(EntityMap entity) =>
        entity.Table == Entities.TicketTransitions.Table ? ["source", "ticket_key", "at"] : ["source", KeyColumn(entity)];

    /// <summary>
    /// Notes a changed row, its values in the entity's column order; false when it names no ticket, or a transition has
    /// no instant (it is placed as the footprint says otherwise).
    /// </summary>
    public bool Add(object?[] values)
    {
        if (values[_source] is not string source || values[_key] is not string key)
        {
            return false;
        }

        var ticket = (source, key);
        if (!_transitions)
        {
            _tickets.Add((ticket, values));
            return true;
        }

        if (values[_at] is not DateTimeOffset at)
        {
            return false;
        }

        _earliestChange[ticket] = _earliestChange.TryGetValue(ticket, out var earliest) && earliest < at ? earliest : at;
        return true;
    }

    /// <summary>
    /// For transitions: each noted ticket's key with the earliest instant its resolution can lie at, or null when its
    /// transitions before the batch do not tell (none precede its earliest change): it is then placed by its creation.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, DateTimeOffset? Bound)>> BoundsAsync(IStore store, CancellationToken cancellationToken)
    {
        if (_earliestChange.Count == 0)
        {
            return [];
        }

        var stored = await TicketData.ReadTransitionsAsync(store, _earliestChange.Keys.ToHashSet(), cancellationToken);
        var bounds = new List<(string Key, DateTimeOffset? Bound)>(_earliestChange.Count);
        foreach (var (ticket, changedFrom) in _earliestChange)
        {
            var before = stored.TryGetValue(ticket, out var all) ? all.Where(t => t.At < changedFrom).ToList() : [];
            bounds.Add((ticket.Key, TicketHistory.EarliestResolution(before, changedFrom)));
        }

        return bounds;
    }

    /// <summary>For tickets: the values of the noted tickets that have no stored transition, to be placed by their own times.</summary>
    public async Task<IReadOnlyList<object?[]>> WithoutHistoryAsync(IStore store, CancellationToken cancellationToken)
    {
        if (_tickets.Count == 0)
        {
            return [];
        }

        var traced = await TicketData.ReadTransitionsAsync(store, _tickets.Select(t => t.Ticket).ToHashSet(), cancellationToken);
        return [.. _tickets.Where(t => !traced.ContainsKey(t.Ticket)).Select(t => t.Values)];
    }

    private static string KeyColumn(EntityMap entity) => entity.Table == Entities.TicketTransitions.Table ? "ticket_key" : "key";
}
