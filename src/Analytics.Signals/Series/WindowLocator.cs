using Analytics.Domain.Common;

namespace Analytics.Signals.Series;

/// <summary>
/// Finds the window of an instant among a list of windows, for collectors that place one record after another. A
/// window's bounds are computed from its zone on every access, so they are taken once here, as UTC ticks (what instants
/// compare by). Windows in time order that do not overlap (calendar windows always are) are searched by bisection; any
/// other list window by window, so that the first window containing the instant wins.
/// </summary>
internal sealed class WindowLocator
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    // Whether each window is non-empty and ends at or before the next starts, which bisection relies on.
    private readonly bool _ordered;

    /// <summary>A locator over <paramref name="windows"/>.</summary>
    public WindowLocator(IReadOnlyList<TimeWindow> windows)
    {
        _starts = windows.Select(w => w.Start.UtcTicks).ToArray();
        _ends = windows.Select(w => w.End.UtcTicks).ToArray();
        _ordered = true;
        for (var i = 0; i < _starts.Length; i++)
        {
            _ordered &= _starts[i] < _ends[i] && (i == 0 || _ends[i - 1] <= _starts[i]);
        }
    }

    /// <summary>The index of the first window that contains <paramref name="at"/>, or −1 outside the windows.</summary>
    public int IndexOf(DateTimeOffset at) => IndexOf(at.UtcTicks);

    /// <summary>The index of the first window that contains the instant of UTC ticks <paramref name="at"/>, or −1.</summary>
    public int IndexOf(long at)
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
}
