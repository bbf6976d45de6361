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

    public IReadOnlyList<Series.Series> ToSeries() => _entries.Select(ToSeries).ToList();

    /// <summary>
    /// Replaces the windows that overlap [<paramref name="start"/>, <paramref name="end"/>) by <paramref name="recomputed"/>,
    /// a computation over that span, for the series of <paramref name="teams"/> (their <c>team</c> label), or of every
    /// team when null. False, leaving the result as it was, when it cannot be told from the span what a full computation
    /// would give (a label set gone though it said something in the span, or new without an empty point to copy, or a
    /// series of no team when only some teams were recomputed): then the caller computes more.
    /// </summary>
    /// <param name="recomputed">The series computed over the span (every series, for a signal that <paramref name="keeps"/>).</param>
    /// <param name="start">The span's start.</param>
    /// <param name="end">The span's end.</param>
    /// <param name="requestTo">The end of the whole period.</param>
    /// <param name="teams">The teams recomputed; null for every team.</param>
    /// <param name="keeps">
    /// For a signal that keeps only the series its whole period accepts (<see cref="IKeepsSeriesOverPeriod"/>): which to keep.
    /// </param>
    public bool Splice(
        IReadOnlyList<Series.Series> recomputed, DateTimeOffset start, DateTimeOffset end, DateTimeOffset requestTo, IReadOnlySet<string>? teams,
        Func<Series.Series, bool>? keeps = null)
    {
        if (recomputed.Select(s => s.Labels).Distinct().Count() != recomputed.Count || (_entries.Count == 0 && recomputed.Count > 0))
        {
            return false;
        }

        if (teams is not null
            && (recomputed.Any(s => s.Labels["team"] is not { } team || !teams.Contains(team)) || _entries.Any(e => e.Labels["team"] is null)))
        {
            return false;
        }

        bool InPart(Entry entry) => teams is null || teams.Contains(entry.Labels["team"]!);

        var dense = IsDense();
        var to = requestTo > _to ? requestTo : _to;
        var byLabels = _entries.ToDictionary(e => e.Labels);

        // First what the span cannot tell, so that a refusal changes nothing.
        var added = new List<(Series.Series Series, Entry Entry)>();
        foreach (var series in recomputed.Where(s => !byLabels.ContainsKey(s.Labels)))
        {
            var entry = new Entry(series.Signal, series.Labels, series.Unit, []);
            var missing = AllWindows(series.Points, to).Except(series.Points.Select(p => p.Window)).ToList();
            if (keeps is not null && !keeps(series))
            {
                // Not in the cache, so nothing outside the span kept it; nor does the span: a full computation leaves it out.
                continue;
            }

            // A kept series new to the cache had points outside the span that only a computation over them gives.
            if ((keeps is not null && missing.Count > 0) || (dense && !FillEmpty(entry, series.Points, missing)))
            {
                return false;
            }

            added.Add((series, entry));
        }

        // Recomputed over the whole period, a series gone is gone: a full computation of these teams leaves it out.
        var wholePeriod = start <= _from && end >= to;
        var present = recomputed.Select(s => s.Labels).ToHashSet();
        var gone = _entries.Where(e => !present.Contains(e.Labels) && InPart(e) && e.Points.Count > 0).ToList();
        foreach (var entry in wholePeriod ? [] : gone)
        {
            var windows = TimeWindow.Covering(start, end, _granularity, entry.Points.Keys.First().TimeZone);
            if (windows.Any(w => entry.Points.GetValueOrDefault(w) is { Observations: > 0 }))
            {
                // It said something in the span and is gone from it: its records there may be gone, or the signal keeps a
                // series for what the whole period shows, so what it would say now cannot be told from the span alone.
                return false;
            }

            if (dense && (!entry.Points.Values.Any(p => p.Observations == 0) || entry.Points.Values.All(p => p.Observations == 0)))
            {
                // No empty point to copy, or empty everywhere: a full computation may leave the series out altogether.
                return false;
            }
        }

        _to = to;
        foreach (var (series, entry) in added)
        {
            _entries.Add(entry);
            byLabels[series.Labels] = entry;
            Touched.UnionWith(entry.Points.Keys);
        }

        foreach (var series in recomputed)
        {
            if (byLabels.TryGetValue(series.Labels, out var entry))
            {
                foreach (var point in series.Points)
                {
                    entry.Points[point.Window] = point;
                    Touched.Add(point.Window);
                }
            }
        }

        foreach (var entry in wholePeriod ? [] : gone)
        {
            var windows = TimeWindow.Covering(start, end, _granularity, entry.Points.Keys.First().TimeZone).ToList();
            Touched.UnionWith(windows);
            if (dense)
            {
                FillEmpty(entry, entry.Points.Values.ToList(), windows);
            }
            else
            {
                // A sparse signal has no point where it has nothing to say.
                windows.ForEach(w => entry.Points.Remove(w));
            }
        }

        Remove(e => InPart(e) && (
            (!present.Contains(e.Labels) && (wholePeriod || (!dense && e.Points.Count == 0)))
            || (keeps is not null && !keeps(ToSeries(e)))));
        return true;
    }

    // Removes entries; the windows are stored by series index, so every window holding a point is written again.
    private void Remove(Predicate<Entry> match)
    {
        var windows = Windows.ToList();
        if (_entries.RemoveAll(match) > 0)
        {
            Touched.UnionWith(windows);
        }
    }

    private static Series.Series ToSeries(Entry e) =>
        new(e.Signal, e.Labels, e.Unit, ValueList.From(e.Points.Values.OrderBy(p => p.Window.Start)));

    // Dense: every series has a point in every window of the period (the usual shape: empty windows carry a point with
    // no observations), so a series absent from a recomputed span still has points there.
    // The period's window count is counted once per time zone, not once per series (thousands of series, a few zones).
    private bool IsDense()
    {
        var windowsIn = new Dictionary<string, int>(StringComparer.Ordinal);
        return _entries.Count > 0 && _entries.All(e =>
        {
            if (e.Points.Count == 0)
            {
                return false;
            }

            var zone = e.Points.Keys.First().TimeZone;
            if (!windowsIn.TryGetValue(zone, out var count))
            {
                windowsIn[zone] = count = TimeWindow.Covering(_from, _to, _granularity, zone).Count();
            }

            return e.Points.Count == count;
        });
    }

    private IEnumerable<TimeWindow> AllWindows(IReadOnlyList<SeriesPoint> points, DateTimeOffset to) =>
        points.Count == 0 ? [] : TimeWindow.Covering(_from, to, _granularity, points[0].Window.TimeZone);

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
