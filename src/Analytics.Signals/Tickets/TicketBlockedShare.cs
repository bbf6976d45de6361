using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tickets;

/// <summary>
/// <c>tickets.blocked_share</c>: the share of the cycle time of the tickets resolved in each window that was spent in
/// blocked statuses (their blocked time summed over their cycle time summed), per team. Definition:
/// <c>docs/signals/tickets.md</c>.
/// </summary>
/// <param name="blockedStatuses">Status names that count as blocked, matched whole ignoring case; null for <see cref="BlockedStatuses.Default"/>.</param>
/// <exception cref="ArgumentException">A status name is blank.</exception>
public sealed class TicketBlockedShare(IEnumerable<string>? blockedStatuses = null) : ISignal
{
    private readonly IReadOnlySet<string> _blocked = BlockedStatuses.ToSet(blockedStatuses);

    /// <inheritdoc />
    public string Name => "tickets.blocked_share";

    /// <inheritdoc />
    public string Description => "Share of resolved tickets' cycle time spent in blocked statuses, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lives = (await TicketData.LoadAsync(request, _blocked, cancellationToken)).Where(l => l.CycleTime is not null).ToList();
        return request.Teams.Select(team =>
        {
            var points = WindowedValues.ForTeam(request, team).Windows.Select(window =>
            {
                var resolved = lives.Where(l => l.Team.Id == team.Id && window.Contains(l.ResolvedAt!.Value)).ToList();
                var cycle = resolved.Sum(l => l.CycleTime!.Value.TotalSeconds);
                var blocked = resolved.Sum(l => l.Blocked.TotalSeconds);
                return new SeriesPoint(window, cycle > 0 ? blocked / cycle : null, resolved.Count);
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
