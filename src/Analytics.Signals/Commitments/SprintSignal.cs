using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Commitments;

/// <summary>
/// The sprint signals differ only in what they take of each sprint: each window's value pools the sprints that ended in
/// it, per team and measure (<c>tickets</c> or <c>points</c>); a team with no sprint in the store gets no series.
/// </summary>
internal static class SprintSignal
{
    public const string Tickets = "tickets";
    public const string Points = "points";

    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<IReadOnlyList<SprintOutcome>, bool, double?> value,
        CancellationToken cancellationToken)
    {
        var (outcomes, teams) = await SprintData.LoadAsync(request, DateTimeOffset.MaxValue, cancellationToken);
        var result = new List<Series.Series>();
        foreach (var team in request.Teams.Where(t => teams.Contains(t.Id)))
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            foreach (var measure in new[] { Tickets, Points })
            {
                var points = windows.Select(w =>
                {
                    var ended = outcomes.Where(o => o.Team.Id == team.Id && w.Contains(o.EndedAt)).ToList();
                    return new SeriesPoint(w, ended.Count > 0 ? value(ended, measure == Points) : null, ended.Count);
                });
                result.Add(new Series.Series(signal.Name, Labels.Of(new Label("team", team.Id), new Label("measure", measure)), signal.Unit, ValueList.From(points)));
            }
        }

        return result;
    }

    /// <summary>The sum of one part of the outcomes, in tickets or points.</summary>
    public static double Total(IEnumerable<SprintOutcome> outcomes, Func<SprintOutcome, (int Count, double Points)> part, bool points) =>
        outcomes.Sum(o => points ? part(o).Points : part(o).Count);

    /// <summary><paramref name="numerator"/> over <paramref name="denominator"/>, or null when the denominator is 0.</summary>
    public static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
}
