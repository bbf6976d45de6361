using Analytics.Domain.Common;

namespace Analytics.Signals.Series;

/// <summary>Collects observations into a team's windows and turns them into a series.</summary>
internal sealed class WindowedValues
{
    private readonly IReadOnlyList<TimeWindow> _windows;
    private readonly List<double>[] _values;

    // A window's bounds are computed from its zone on every access; computed once here, since Add runs per record.
    private readonly DateTimeOffset[] _starts;
    private readonly DateTimeOffset[] _ends;

    // Whether each window is non-empty and ends at or before the next starts, which bisection relies on.
    private readonly bool _ordered;

    /// <summary>A collector over <paramref name="windows"/>.</summary>
    public WindowedValues(IReadOnlyList<TimeWindow> windows)
    {
        _windows = windows;
        _values = windows.Select(_ => new List<double>()).ToArray();
        _starts = windows.Select(w => w.Start).ToArray();
        _ends = windows.Select(w => w.End).ToArray();
        _ordered = true;
        for (var i = 0; i < _starts.Length; i++)
        {
            _ordered &= _starts[i] < _ends[i] && (i == 0 || _ends[i - 1] <= _starts[i]);
        }
    }

    /// <summary>One collector per team of the request, over the team's windows of the request's period.</summary>
    public static Dictionary<string, WindowedValues> PerTeam(SignalRequest request) =>
        request.Teams.ToDictionary(t => t.Id, t => ForTeam(request, t));

    /// <summary>A collector over <paramref name="team"/>'s windows of the request's period.</summary>
    public static WindowedValues ForTeam(SignalRequest request, Domain.People.Team team) =>
        new(TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList());

    /// <summary>The windows.</summary>
    public IReadOnlyList<TimeWindow> Windows => _windows;

    /// <summary>Adds an observation to the window that contains <paramref name="at"/>; ignored outside the windows.</summary>
    public void Add(DateTimeOffset at, double value)
    {
        var i = IndexOf(at);
        if (i >= 0)
        {
            _values[i].Add(value);
        }
    }

    /// <summary>
    /// The index of the first window that contains <paramref name="at"/>, or −1 outside the windows: for a caller that
    /// keeps its own per-window state. Windows in time order that do not overlap (calendar windows always are) are
    /// searched by bisection, since Add runs per record; any other list window by window.
    /// </summary>
    public int IndexOf(DateTimeOffset at)
    {
        if (!_ordered)
        {
            for (var i = 0; i < _starts.Length; i++)
            {
                if (at >= _starts[i] && at < _ends[i])
                {
                    return i;
                }
            }

            return -1;
        }

        // The last window starting at or before the instant is the only one that can contain it.
        var (low, high) = (0, _starts.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_starts[middle] <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high >= 0 && at < _ends[high] ? high : -1;
    }

    /// <summary>The observations of window <paramref name="index"/>.</summary>
    public IReadOnlyList<double> ValuesIn(int index) => _values[index];

    /// <summary>How many observations window <paramref name="index"/> holds.</summary>
    public int CountIn(int index) => _values[index].Count;

    /// <summary>
    /// A series whose point in each window is <paramref name="aggregator"/> of its observations, with a bootstrap 95%
    /// confidence interval.
    /// </summary>
    public Series ToSeriesWithInterval(string signal, Labels labels, SignalUnit unit, Statistics.Aggregator aggregator) =>
        new(signal, labels, unit, ValueList.From(_windows.Select((w, i) =>
        {
            var interval = Statistics.Bootstrap.Interval(_values[i], aggregator);
            return new SeriesPoint(w, Statistics.Aggregation.Apply(aggregator, _values[i]), _values[i].Count, interval?.Low, interval?.High);
        })));

    /// <summary>A series whose point in each window is <paramref name="aggregate"/> of its observations.</summary>
    public Series ToSeries(string signal, Labels labels, SignalUnit unit, Func<IReadOnlyList<double>, double?> aggregate) =>
        new(signal, labels, unit, ValueList.From(_windows.Select((w, i) => new SeriesPoint(w, aggregate(_values[i]), _values[i].Count))));
}
