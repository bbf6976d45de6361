using Analytics.Signals.Series;

namespace Analytics.Signals.Tickets;

/// <summary>
/// <c>tickets.cycle_time</c>: first entry into an InProgress-category status → final resolution, over the tickets resolved
/// in each window, per team, with the request's aggregator (median by default) and a bootstrap 95% interval. Definition:
/// <c>docs/signals/tickets.md</c>.
/// </summary>
public sealed class TicketCycleTime : ISignal
{
    /// <inheritdoc />
    public string Name => "tickets.cycle_time";

    /// <inheritdoc />
    public string Description => "Time from a ticket's first start of work to its resolution, over tickets resolved in the window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var life in await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), cancellationToken))
        {
            if (life.CycleTime is { } cycle)
            {
                collectors[life.Team.Id].Add(life.ResolvedAt!.Value, cycle.TotalSeconds);
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeriesWithInterval(Name, Labels.Of(new Label("team", t.Id)), Unit, request.Aggregator))
            .ToList();
    }
}
