using Analytics.Signals.Series;

namespace Analytics.Signals.Tickets;

/// <summary>
/// <c>tickets.blocked_time</c>: the time each ticket resolved in the window spent in blocked statuses during its cycle
/// (first start of work → resolution), per team, with the request's aggregator (median by default) and a bootstrap 95%
/// interval; tickets never blocked count as 0. Definition: <c>docs/signals/tickets.md</c>.
/// </summary>
/// <param name="blockedStatuses">Status names that count as blocked, matched whole ignoring case; null for <see cref="BlockedStatuses.Default"/>.</param>
/// <exception cref="ArgumentException">A status name is blank.</exception>
public sealed class TicketBlockedTime(IEnumerable<string>? blockedStatuses = null) : ISignal
{
    private readonly IReadOnlySet<string> _blocked = BlockedStatuses.ToSet(blockedStatuses);

    /// <inheritdoc />
    public string Name => "tickets.blocked_time";

    /// <inheritdoc />
    public string Description => "Time resolved tickets spent in blocked statuses (Blocked, On hold, Waiting) during their cycle, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var life in await TicketData.LoadAsync(request, _blocked, cancellationToken))
        {
            if (life.CycleTime is not null)
            {
                collectors[life.Team.Id].Add(life.ResolvedAt!.Value, life.Blocked.TotalSeconds);
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeriesWithInterval(Name, Labels.Of(new Label("team", t.Id)), Unit, request.Aggregator))
            .ToList();
    }
}
