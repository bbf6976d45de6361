using System.Globalization;
using System.Text.Json;
using Analytics.Signals.Series;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Writes and reads the cache's JSON: a key's series list (labels and unit, in result order) and a window's points
/// (series index, value, observations, interval). Values are written with the round-trip format, so a cached value
/// reads back bit for bit, NaN and infinities included.
/// </summary>
internal static class CachedSeriesCodec
{
    public static string WriteSeries(IEnumerable<(string Signal, Labels Labels, SignalUnit Unit)> series) =>
        JsonSerializer.Serialize(series.Select(s => new SeriesHead(
            s.Signal, s.Labels.Items.Select(l => new[] { l.Name, l.Value }).ToArray(), s.Unit.ToString())).ToArray());

    public static List<(string Signal, Labels Labels, SignalUnit Unit)> ReadSeries(string json) =>
        (JsonSerializer.Deserialize<SeriesHead[]>(json) ?? [])
            .Select(h => (h.Signal, Labels.Of([.. h.Labels.Select(l => new Label(l[0], l[1]))]), Enum.Parse<SignalUnit>(h.Unit)))
            .ToList();

    public static string WritePoints(IEnumerable<(int Series, SeriesPoint Point)> points) =>
        JsonSerializer.Serialize(points.Select(p => new CachedPoint(
            p.Series, Number(p.Point.Value), p.Point.Observations, Number(p.Point.Low), Number(p.Point.High))).ToArray());

    public static IEnumerable<(int Series, SeriesPoint Point)> ReadPoints(string json, TimeWindow window) =>
        (JsonSerializer.Deserialize<CachedPoint[]>(json) ?? [])
            .Select(p => (p.S, new SeriesPoint(window, Parse(p.V), p.N, Parse(p.Lo), Parse(p.Hi))));

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static double? Parse(string? text) => text is null ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private sealed record SeriesHead(string Signal, string[][] Labels, string Unit);

    private sealed record CachedPoint(int S, string? V, int N, string? Lo, string? Hi);
}
