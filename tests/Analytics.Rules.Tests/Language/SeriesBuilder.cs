using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Rules.Tests.Language;

/// <summary>Hand-made weekly series starting Monday 5 January 2026 (UTC).</summary>
internal static class SeriesBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static Series Weekly(string signal, string labels, params double?[] values)
    {
        var window = new TimeWindow(DateOnly.FromDateTime(Start.UtcDateTime), Granularity.Week, "UTC");
        var points = new List<SeriesPoint>();
        foreach (var value in values)
        {
            points.Add(new SeriesPoint(window, value, value is null ? 0 : 1));
            window = window with { FirstDay = window.EndDay };
        }

        var parsed = labels.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => new Label(p[0].Trim(), p[1].Trim()))
            .ToArray();
        return new Series(signal, Labels.Of(parsed), SignalUnit.Count, ValueList.From(points));
    }

    /// <summary>The instant at which the first <paramref name="weeks"/> windows are complete.</summary>
    public static DateTimeOffset After(int weeks) => Start.AddDays(7 * weeks);
}
