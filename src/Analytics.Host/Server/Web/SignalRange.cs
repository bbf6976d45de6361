using Analytics.Signals.Series;

namespace Analytics.Host.Server.Web;

/// <summary>The time range selector: how many days back from now and the window length.</summary>
/// <param name="Name">As written in the query string (<c>4w</c>, <c>12w</c>, <c>26w</c>, <c>52w</c>).</param>
/// <param name="Days">Days back from now.</param>
/// <param name="Granularity">The window length.</param>
internal sealed record SignalRange(string Name, int Days, Granularity Granularity)
{
    /// <summary>The ranges offered; the second (12 weeks by week) is the default.</summary>
    public static IReadOnlyList<SignalRange> All { get; } =
    [
        new("4w", 28, Granularity.Day),
        new("12w", 84, Granularity.Week),
        new("26w", 182, Granularity.Week),
        new("52w", 364, Granularity.Month),
    ];

    /// <summary>The default range.</summary>
    public static SignalRange Default => All[1];

    /// <summary>The range named <paramref name="name"/>; null when unknown.</summary>
    public static SignalRange? Find(string? name) => name is null ? Default : All.FirstOrDefault(r => r.Name == name);
}
