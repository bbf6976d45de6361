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
        var lives = await TicketData.LoadAsync(request, _blocked, cancellationToken);

        // Each team's resolved tickets in its windows, in load order (the sums below add in that order, as always), put
        // in their window in one pass instead of filtered out of every ticket for every window.
        var collectors = request.Teams.DistinctBy(t => t.Id).ToDictionary(t => t.Id, t => WindowedValues.ForTeam(request, t));
        var inWindow = collectors.ToDictionary(c => c.Key, c => c.Value.Windows.Select(_ => new List<TicketLife>()).ToArray());
        foreach (var life in lives)
        {
            if (life.CycleTime is not null && collectors.TryGetValue(life.Team.Id, out var collector) && collector.IndexOf(life.ResolvedAt!.Value) is var index and >= 0)
            {
                inWindow[life.Team.Id][index].Add(life);
            }
        }

        return request.Teams.Select(team =>
        {
            var windows = collectors[team.Id].Windows;
            var points = windows.Select((window, i) =>
            {
                var resolved = inWindow[team.Id][i];
                var cycle = resolved.Sum(l => l.CycleTime!.Value.TotalSeconds);
                var blocked = resolved.Sum(l => l.Blocked.TotalSeconds);
                return new SeriesPoint(window, cycle > 0 ? blocked / cycle : null, resolved.Count);
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
