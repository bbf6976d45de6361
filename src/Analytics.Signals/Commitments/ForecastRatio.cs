using Analytics.Domain.Common;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;

namespace Analytics.Signals.Commitments;

/// <summary>
/// <c>commitment.forecast_ratio</c>: for teams that do not use sprints (none of the store's sprints is theirs), tickets
/// resolved in each window over the forecast, the mean of the <see cref="History"/> windows before it (1 = as forecast,
/// 0.5 = half); no value while the forecast is 0. Definition: <c>docs/signals/commitment.md</c>.
/// </summary>
public sealed class ForecastRatio : ISignal
{
    /// <summary>How many previous windows the forecast averages: 4 (a month of weeks, a year of quarters).</summary>
    public const int History = 4;

    /// <inheritdoc />
    public string Name => "commitment.forecast_ratio";

    /// <inheritdoc />
    public string Description => "Teams without sprints: tickets resolved over the forecast (mean of the 4 previous windows), per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sprintTeams = (await SprintData.LoadAsync(request, DateTimeOffset.MaxValue, cancellationToken)).Teams;
        var lives = await TicketData.LoadAsync(request, BlockedStatuses.ToSet(null), cancellationToken);
        var resolvedBy = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var life in lives)
        {
            if (life.ResolvedAt is { } at)
            {
                (resolvedBy.TryGetValue(life.Team.Id, out var list) ? list : resolvedBy[life.Team.Id] = []).Add(at);
            }
        }

        var result = new List<Series.Series>();
        foreach (var team in request.Teams.Where(t => !sprintTeams.Contains(t.Id)))
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            var earlier = new List<TimeWindow>();
            for (var (first, i) = (windows[0], 0); i < History; i++)
            {
                // The window before `first`: the one containing the instant just before it starts.
                first = TimeWindow.Containing(first.Start.AddTicks(-1), request.Granularity, team.TimeZone);
                earlier.Insert(0, first);
            }

            // Each window's bounds once (a window computes them from its zone on every access), the team's resolutions
            // once: a count per window, not a scan of every ticket per window.
            var all = earlier.Concat(windows).Select(w => (w.Start, w.End)).ToList();
            var resolutions = resolvedBy.GetValueOrDefault(team.Id) ?? [];
            var resolved = all.Select(w => resolutions.Count(r => r >= w.Start && r < w.End)).ToList();
            var points = windows.Select((w, i) =>
            {
                var forecast = resolved.Skip(i).Take(History).Average();
                var actual = resolved[i + History];
                return new SeriesPoint(w, forecast > 0 ? actual / forecast : null, actual);
            });
            result.Add(new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points)));
        }

        return result;
    }
}
