using Analytics.Domain.Common;

namespace Analytics.Signals.Series;

/// <summary>Collects observations into a team's windows and turns them into a series.</summary>
internal sealed class WindowedValues
{
    private readonly IReadOnlyList<TimeWindow> _windows;
    private readonly List<double>[] _values;
    private readonly WindowLocator _locator;

    /// <summary>A collector over <paramref name="windows"/>.</summary>
    public WindowedValues(IReadOnlyList<TimeWindow> windows)
    {
        _windows = windows;
        _values = windows.Select(_ => new List<double>()).ToArray();
        _locator = new WindowLocator(windows);
    }

    /// <summary>One collector per team of the request, over the team's windows of the request's period.</summary>
    public static Dictionary<string, WindowedValues> PerTeam(SignalRequest request) =>
        request.Teams.ToDictionary(t => t.Id, t => ForTeam(request, t));

    /// <summary>A collector over <paramref name="team"/>'s windows of the request's period.</summary>
    public static WindowedValues ForTeam(SignalRequest request, Domain.People.Team team) =>
        new(TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList());

    /// <summary>
    /// From the earliest start to the latest end of the request's teams' windows: every instant an observation may be
    /// kept at (a period read needs nothing outside it); empty (start after end) without teams.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Span(SignalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var windows = request.Teams.SelectMany(t => TimeWindow.Covering(request.From, request.To, request.Granularity, t.TimeZone)).ToList();
        return windows.Count == 0 ? (DateTimeOffset.MaxValue, DateTimeOffset.MinValue) : (windows.Min(w => w.Start), windows.Max(w => w.End));
    }

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
    /// keeps its own per-window state (<see cref="WindowLocator"/>).
    /// </summary>
    public int IndexOf(DateTimeOffset at) => _locator.IndexOf(at);

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
