using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Whether one test's failures are blamed on flakiness, window by window: a failure (a lost attempt, a retry) in a window
/// is blamed on the test when its verdict for that window makes it to blame (<see cref="FlakyTests.IsToBlame"/>), so a
/// window's impact depends only on what its own verdict looks at, never on the period requested
/// (docs/signals/tests.flaky_ci_time.md). A one-instant analysis has one window that holds every instant.
/// </summary>
internal sealed class WindowBlame
{
    private static readonly WindowBlame WholeBlamed = new(null, [true]);
    private static readonly WindowBlame WholeNotBlamed = new(null, [false]);

    private readonly Bounds? _bounds;
    private readonly bool[] _blamed;

    private WindowBlame(Bounds? bounds, bool[] blamed)
    {
        _bounds = bounds;
        _blamed = blamed;
        Never = Array.IndexOf(blamed, true) < 0;
    }

    /// <summary>True when the test is to blame in no window: none of its failures is ever blamed on flakiness.</summary>
    public bool Never { get; }

    /// <summary>One window holding every instant, blamed or not: a one-instant analysis, whose window is its period.</summary>
    public static WindowBlame Whole(bool blamed) => blamed ? WholeBlamed : WholeNotBlamed;

    /// <summary>The blame in each of <paramref name="bounds"/>' windows, from the test's verdict for it.</summary>
    public static WindowBlame PerWindow(Bounds bounds, IReadOnlyList<WindowVerdict> verdicts, FlakinessOptions options)
    {
        var blamed = new bool[verdicts.Count];
        for (var i = 0; i < blamed.Length; i++)
        {
            blamed[i] = FlakyTests.IsToBlame(verdicts[i].State, verdicts[i].Evidence, options);
        }

        return new WindowBlame(bounds, blamed);
    }

    /// <summary>The index of the window that holds <paramref name="at"/>; -1 when none does (before or after the period).</summary>
    public int WindowOf(DateTimeOffset at) => _bounds?.IndexOf(at) ?? 0;

    /// <summary>Whether the test is to blame in window <paramref name="window"/> (false for -1, no window).</summary>
    public bool In(int window) => window >= 0 && _blamed[window];

    /// <summary>Whether the test is to blame in the window that holds <paramref name="at"/>.</summary>
    public bool At(DateTimeOffset at) => In(WindowOf(at));

    /// <summary>The start and end of a team's windows, computed once per analysis (each costs a time-zone conversion).</summary>
    internal sealed class Bounds
    {
        private readonly DateTimeOffset[] _starts;
        private readonly DateTimeOffset[] _ends;

        /// <summary>The bounds of <paramref name="windows"/>, which come in time order and do not overlap.</summary>
        public Bounds(IReadOnlyList<TimeWindow> windows)
        {
            _starts = [.. windows.Select(w => w.Start)];
            _ends = [.. windows.Select(w => w.End)];
        }

        /// <summary>The index of the window that holds <paramref name="at"/>, or -1.</summary>
        public int IndexOf(DateTimeOffset at)
        {
            // The first window ending after the instant (ends increase), if it has started by then.
            int low = 0, high = _ends.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_ends[middle] <= at)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < _ends.Length && _starts[low] <= at ? low : -1;
        }
    }
}
