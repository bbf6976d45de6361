using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Incremental;

/// <summary>
/// A signal's result held window by window, so recomputed windows can replace cached ones. Series keep the order they
/// were first seen in; a label set that first appears in a recomputed span is appended.
/// </summary>
internal sealed class CachedResult
{
    private readonly List<Entry> _entries = [];
    private readonly Granularity _granularity;
    private readonly DateTimeOffset _from;
    private DateTimeOffset _to;

    private CachedResult(Granularity granularity, DateTimeOffset from, DateTimeOffset to)
    {
        _granularity = granularity;
        _from = from;
        _to = to;
    }

    /// <summary>The windows whose points were replaced since the result was built or loaded.</summary>
    public HashSet<TimeWindow> Touched { get; } = [];

    /// <summary>Every window holding a point.</summary>
    public IEnumerable<TimeWindow> Windows => _entries.SelectMany(e => e.Points.Keys).Distinct();

    public static CachedResult FromSeries(IReadOnlyList<Series.Series> series, SignalRequest request)
    {
        var result = new CachedResult(request.Granularity, request.From, request.To);
        foreach (var s in series)
        {
            result._entries.Add(new Entry(s.Signal, s.Labels, s.Unit, s.Points.ToDictionary(p => p.Window)));
        }

        return result;
    }

    public static CachedResult Load(
        IReadOnlyList<(string Signal, Labels Labels, SignalUnit Unit)> heads,
        IEnumerable<(int Series, SeriesPoint Point)> points,
        Granularity granularity,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        var result = new CachedResult(granularity, from, to);
        foreach (var (signal, labels, unit) in heads)
        {
            result._entries.Add(new Entry(signal, labels, unit, []));
        }

        foreach (var (index, point) in points)
        {
            if (index >= 0 && index < result._entries.Count && point.Window.End > from && point.Window.Start < to)
            {
                result._entries[index].Points[point.Window] = point;
            }
        }

        return result;
    }

    public IReadOnlyList<(string Signal, Labels Labels, SignalUnit Unit)> Heads => _entries.Select(e => (e.Signal, e.Labels, e.Unit)).ToList();

    /// <summary>The points of <paramref name="window"/>, by series index.</summary>
    public IEnumerable<(int Series, SeriesPoint Point)> PointsIn(TimeWindow window) =>
        _entries.Select((e, i) => (i, e.Points.GetValueOrDefault(window))).Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!));

    public IReadOnlyList<Series.Series> ToSeries() =>
        _entries.Select(e => new Series.Series(e.Signal, e.Labels, e.Unit, ValueList.From(e.Points.Values.OrderBy(p => p.Window.Start)))).ToList();

    /// <summary>
    /// Replaces the windows that overlap [<paramref name="start"/>, <paramref name="end"/>) by <paramref name="recomputed"/>,
    /// a computation over that span. False when the result cannot be told apart from what a full computation would give
    /// (a label set gone or new without an empty point to copy): then the caller computes everything.
    /// </summary>
    public bool Splice(IReadOnlyList<Series.Series> recomputed, DateTimeOffset start, DateTimeOffset end, DateTimeOffset requestTo)
    {
        if (recomputed.Select(s => s.Labels).Distinct().Count() != recomputed.Count || (_entries.Count == 0 && recomputed.Count > 0))
        {
            return false;
        }

        var dense = IsDense();
        if (requestTo > _to)
        {
            _to = requestTo;
        }

        var byLabels = _entries.ToDictionary(e => e.Labels);
        foreach (var series in recomputed)
        {
            if (!byLabels.TryGetValue(series.Labels, out var entry))
            {
                entry = new Entry(series.Signal, series.Labels, series.Unit, []);
                var missing = AllWindows(series.Points).Except(series.Points.Select(p => p.Window));
                if (dense && !FillEmpty(entry, series.Points, missing))
                {
                    return false;
                }

                _entries.Add(entry);
                Touched.UnionWith(entry.Points.Keys);
            }

            foreach (var point in series.Points)
            {
                entry.Points[point.Window] = point;
                Touched.Add(point.Window);
            }
        }

        var present = recomputed.Select(s => s.Labels).ToHashSet();
        foreach (var entry in _entries.Where(e => !present.Contains(e.Labels)).ToList())
        {
            if (entry.Points.Count == 0)
            {
                continue;
            }

            var zone = entry.Points.Keys.First().TimeZone;
            var windows = TimeWindow.Covering(start, end, _granularity, zone).ToList();
            Touched.UnionWith(windows);
            if (!dense)
            {
                // A sparse signal has no point where it has nothing to say.
                windows.ForEach(w => entry.Points.Remove(w));
                continue;
            }

            if (!FillEmpty(entry, entry.Points.Values.ToList(), windows) || entry.Points.Values.All(p => p.Observations == 0))
            {
                // Gone from the span and empty everywhere else: a full computation may leave the series out altogether.
                return false;
            }
        }

        _entries.RemoveAll(e => e.Points.Count == 0 && !present.Contains(e.Labels) && !dense);
        return true;
    }

    // Dense: every series has a point in every window of the period (the usual shape: empty windows carry a point with
    // no observations), so a series absent from a recomputed span still has points there.
    private bool IsDense() =>
        _entries.Count > 0 && _entries.All(e => e.Points.Count > 0
            && e.Points.Count == TimeWindow.Covering(_from, _to, _granularity, e.Points.Keys.First().TimeZone).Count());

    private IEnumerable<TimeWindow> AllWindows(IReadOnlyList<SeriesPoint> points) =>
        points.Count == 0 ? [] : TimeWindow.Covering(_from, _to, _granularity, points[0].Window.TimeZone);

    // Puts an empty point (a copy of one with no observations) in each of the windows; false when there is none to copy.
    private static bool FillEmpty(Entry entry, IEnumerable<SeriesPoint> examples, IEnumerable<TimeWindow> windows)
    {
        var empty = examples.FirstOrDefault(p => p.Observations == 0);
        foreach (var window in windows)
        {
            if (empty is null)
            {
                return false;
            }

            entry.Points[window] = empty with { Window = window };
        }

        return true;
    }

    private sealed record Entry(string Signal, Labels Labels, SignalUnit Unit, Dictionary<TimeWindow, SeriesPoint> Points);
}
