using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Postmortems;

/// <summary>Per-team series of the postmortem signals: each differs only in what it takes of a team's cases and actions in a window.</summary>
internal static class PostmortemSignal
{
    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<TimeWindow, IReadOnlyList<PostmortemCase>, IReadOnlyList<ActionItem>, (double? Value, int Observations)> point,
        CancellationToken cancellationToken)
    {
        var (cases, actions) = await PostmortemData.LoadAsync(request, cancellationToken);
        return request.Teams.Select(team =>
        {
            var mine = cases.Where(c => c.Team.Id == team.Id).ToList();
            var myActions = actions.Where(a => a.Team.Id == team.Id).ToList();
            var points = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).Select(w =>
            {
                var (value, observations) = point(w, mine, myActions);
                return new SeriesPoint(w, value, observations);
            });
            return new Series.Series(signal.Name, Labels.Of(new Label("team", team.Id)), signal.Unit, ValueList.From(points));
        }).ToList();
    }
}
