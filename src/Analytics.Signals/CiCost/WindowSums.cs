using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.CiCost;

/// <summary>
/// Sums observations into a team's windows, exactly (in <see cref="decimal"/>, so the sums do not depend on the order the
/// observations come in), without keeping the values; a window's point is its sum rounded once to a double.
/// </summary>
internal sealed class WindowSums
{
    private readonly IReadOnlyList<TimeWindow> _windows;
    private readonly WindowLocator _locator;
    private readonly decimal[] _sums;
    private readonly int[] _counts;

    /// <summary>A collector over <paramref name="windows"/>.</summary>
    public WindowSums(IReadOnlyList<TimeWindow> windows)
    {
        _windows = windows;
        _locator = new WindowLocator(windows);
        _sums = new decimal[windows.Count];
        _counts = new int[windows.Count];
    }

    /// <summary>A collector over <paramref name="team"/>'s windows of the request's period.</summary>
    public static WindowSums ForTeam(SignalRequest request, Domain.People.Team team) =>
        new(TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList());

    /// <summary>Adds <paramref name="value"/> to the window containing the instant of UTC ticks <paramref name="at"/>; ignored outside the windows.</summary>
    public void Add(long at, decimal value)
    {
        var window = _locator.IndexOf(at);
        if (window >= 0)
        {
            _sums[window] += value;
            _counts[window]++;
        }
    }

    /// <summary>A series whose point in each window is the sum of its observations (0 without any), with their count.</summary>
    public Series.Series ToSeries(string signal, Labels labels, SignalUnit unit) =>
        new(signal, labels, unit, ValueList.From(_windows.Select((w, i) => new SeriesPoint(w, (double)_sums[i], _counts[i]))));
}
