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
        // Each team's and measure's items, in their original order, split off in one pass rather than filtered out of
        // every item for each team and measure.
        var groups = new Dictionary<(string Team, string Measure), List<WorkItem>>();
        foreach (var item in items)
        {
            (groups.TryGetValue((item.Team.Id, item.Measure), out var group) ? group : groups[(item.Team.Id, item.Measure)] = []).Add(item);
        }

        var result = new List<Series.Series>();
        foreach (var team in request.Teams)
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            foreach (var measure in WorkMeasure.All)
            {
                var mine = groups.GetValueOrDefault((team.Id, measure)) ?? [];
                var byTime = Enumerable.Range(0, mine.Count).OrderBy(i => mine[i].At).ToArray();
                var inSpans = windows.Select(window => InSpan(mine, byTime, span(window))).ToList();

                // Each window's total and per-type amounts in one pass over its items, each sum added up from 0 in the
                // items' order, as filtering and summing them type by type did (so not one bit changes).
                var totals = new double[windows.Count];
                var amounts = new Dictionary<WorkType, double>[windows.Count];
                for (var w = 0; w < windows.Count; w++)
                {
                    amounts[w] = [];
                    foreach (var item in inSpans[w])
                    {
                        totals[w] += item.Amount;
                        amounts[w][item.Type] = amounts[w].GetValueOrDefault(item.Type) + item.Amount;
                    }
                }

                foreach (var type in Enum.GetValues<WorkType>())
                {
                    var points = windows.Select((window, w) =>
                        new SeriesPoint(window, value(amounts[w].GetValueOrDefault(type), totals[w]), inSpans[w].Count));
                    result.Add(new Series.Series(signal.Name, LabelsOf(team, type, measure), signal.Unit, ValueList.From(points)));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The items finished in [From, To), in their original order (sums are then added in the same order as always, so
    /// they do not change in the last bit). Found by binary search over the indices of the items in time order
    /// (<paramref name="byTime"/>), so a team's items are not all scanned for every window and type.
    /// </summary>
    private static List<WorkItem> InSpan(List<WorkItem> items, int[] byTime, (DateTimeOffset From, DateTimeOffset To) span)
    {
        var first = FirstAtOrAfter(items, byTime, span.From);
        var end = FirstAtOrAfter(items, byTime, span.To);
        if (end <= first)
        {
            return [];
        }

        var indices = byTime[first..end];
        Array.Sort(indices);
        return indices.Select(i => items[i]).ToList();
    }

    private static int FirstAtOrAfter(List<WorkItem> items, int[] byTime, DateTimeOffset at)
    {
        var (low, high) = (0, byTime.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (items[byTime[middle]].At < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static Labels LabelsOf(Team team, WorkType type, string measure) =>
        Labels.Of(new Label("team", team.Id), new Label("type", WorkTypeMapping.NameOf(type)), new Label("measure", measure));
}
