using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// Sums observations into a team's windows: the series <see cref="WindowedValues"/> gives with <c>values.Sum()</c>, bit
/// for bit (each window's sum starts at 0 and adds the values in the order they come, as <see cref="Enumerable.Sum(IEnumerable{double})"/>
/// does), without keeping the values.
/// </summary>
internal sealed class WindowSums
{
    private readonly IReadOnlyList<TimeWindow> _windows;
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly bool _ordered;
    private readonly double[] _sums;
    private readonly int[] _counts;

    /// <summary>A collector over <paramref name="windows"/>.</summary>
    public WindowSums(IReadOnlyList<TimeWindow> windows)
    {
        _windows = windows;

        // A window's bounds are computed from its zone on every access: once here, as UTC ticks (what instants compare by).
        _starts = windows.Select(w => w.Start.UtcTicks).ToArray();
        _ends = windows.Select(w => w.End.UtcTicks).ToArray();
        _sums = new double[windows.Count];
        _counts = new int[windows.Count];

        // Calendar windows come one after another, so the window of an instant is found by binary search; any other
        // list is searched from the first window, as WindowedValues does, so the first containing window wins.
        _ordered = true;
        for (var i = 0; i < _starts.Length; i++)
        {
            _ordered &= _starts[i] < _ends[i] && (i == 0 || _ends[i - 1] <= _starts[i]);
        }
    }

    /// <summary>A collector over <paramref name="team"/>'s windows of the request's period.</summary>
    public static WindowSums ForTeam(SignalRequest request, Domain.People.Team team) =>
        new(TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList());

    /// <summary>Adds <paramref name="value"/> to the window containing the instant of UTC ticks <paramref name="at"/>; ignored outside the windows.</summary>
    public void Add(long at, double value)
    {
        var window = WindowOf(at);
        if (window >= 0)
        {
            _sums[window] += value;
            _counts[window]++;
        }
    }

    /// <summary>A series whose point in each window is the sum of its observations (0 without any), with their count.</summary>
    public Series.Series ToSeries(string signal, Labels labels, SignalUnit unit) =>
        new(signal, labels, unit, ValueList.From(_windows.Select((w, i) => new SeriesPoint(w, _sums[i], _counts[i]))));

    private int WindowOf(long at)
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

        // The last window starting at or before the instant, if the instant is before its end.
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
}
