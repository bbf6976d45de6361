using Analytics.Signals.Series;

namespace Analytics.Signals.Tickets;

/// <summary>
/// <c>tickets.throughput</c>: tickets resolved (finally reaching a Done-category status) per window, per team and ticket
/// type; a ticket belongs to the team its assignee is a member of. Definition: <c>docs/signals/tickets.md</c>.
/// </summary>
public sealed class TicketThroughput : ISignal
{
    /// <inheritdoc />
    public string Name => "tickets.throughput";

    /// <inheritdoc />
    public string Description => "Tickets resolved per window, per team (by assignee) and ticket type.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var groups = new SortedDictionary<(string Team, string Type), WindowedValues>();
        foreach (var life in await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), cancellationToken))
        {
            if (life.ResolvedAt is not { } resolved)
            {
                continue;
            }

            var key = (life.Team.Id, life.Ticket.Type);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = WindowedValues.ForTeam(request, life.Team);
            }

            values.Add(resolved, 1);
        }

        // A type with no resolution in the period has no series: it would be all zeros.
        return groups
            .Where(g => Enumerable.Range(0, g.Value.Windows.Count).Any(i => g.Value.CountIn(i) > 0))
            .Select(g => g.Value.ToSeries(Name, Labels.Of(new Label("team", g.Key.Team), new Label("type", g.Key.Type)), Unit, v => v.Count))
            .ToList();
    }
}
