using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Series;

namespace Analytics.Signals.WorkMix;

/// <summary>
/// Turns work items into one series per team, work type and measure, every type present (a type with no work is a
/// series of zeros, so "no tech-debt this quarter" can be seen).
/// </summary>
internal static class WorkMixSeries
{
    /// <summary>
    /// Computes <paramref name="value"/> for each window: given the items of a team and measure whose finish lies in the
    /// span <paramref name="span"/> gives for the window, the amount of the type and the total of all types.
    /// </summary>
    public static IReadOnlyList<Series.Series> Compute(
        ISignal signal,
        SignalRequest request,
        IReadOnlyList<WorkItem> items,
        Func<TimeWindow, (DateTimeOffset From, DateTimeOffset To)> span,
        Func<double, double, double?> value)
    {
        var result = new List<Series.Series>();
        foreach (var team in request.Teams)
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            foreach (var measure in WorkMeasure.All)
            {
                var mine = items.Where(i => i.Team.Id == team.Id && i.Measure == measure).ToList();
                foreach (var type in Enum.GetValues<WorkType>())
                {
                    var points = windows.Select(window =>
                    {
                        var (from, to) = span(window);
                        var inSpan = mine.Where(i => i.At >= from && i.At < to).ToList();
                        var amount = inSpan.Where(i => i.Type == type).Sum(i => i.Amount);
                        return new SeriesPoint(window, value(amount, inSpan.Sum(i => i.Amount)), inSpan.Count);
                    });
                    result.Add(new Series.Series(signal.Name, LabelsOf(team, type, measure), signal.Unit, ValueList.From(points)));
                }
            }
        }

        return result;
    }

    private static Labels LabelsOf(Team team, WorkType type, string measure) =>
        Labels.Of(new Label("team", team.Id), new Label("type", WorkTypeMapping.NameOf(type)), new Label("measure", measure));
}
