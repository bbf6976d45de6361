using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Analytics.Signals.Series;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Writes and reads the cache's columns: a key's series list (labels and unit, in result order) as JSON, and a window's
/// points (series index, value, observations, interval) as base64 of a little-endian record per point — a flags byte
/// (which of value, low and high are set), the series index and observations as 32-bit integers, then the set values'
/// IEEE 754 bits. A cached value reads back bit for bit, NaN and infinities included. Every pass loads and writes
/// every signal's windows; as JSON, decoding them was about half of loading them.
/// </summary>
internal static class CachedSeriesCodec
{
    private const byte HasValue = 1;
    private const byte HasLow = 2;
    private const byte HasHigh = 4;
    private const int MaxRecord = 9 + 3 * sizeof(double);

    public static string WriteSeries(IEnumerable<(string Signal, Labels Labels, SignalUnit Unit)> series) =>
        JsonSerializer.Serialize(series.Select(s => new SeriesHead(
            s.Signal, s.Labels.Items.Select(l => new[] { l.Name, l.Value }).ToArray(), s.Unit.ToString())).ToArray());

    public static List<(string Signal, Labels Labels, SignalUnit Unit)> ReadSeries(string json) =>
        (JsonSerializer.Deserialize<SeriesHead[]>(json) ?? [])
            .Select(h => (h.Signal, Labels.Of([.. h.Labels.Select(l => new Label(l[0], l[1]))]), Enum.Parse<SignalUnit>(h.Unit)))
            .ToList();

    public static string WritePoints(IEnumerable<(int Series, SeriesPoint Point)> points)
    {
        var bytes = new ArrayBufferWriter<byte>();
        foreach (var (series, point) in points)
        {
            var record = bytes.GetSpan(MaxRecord);
            record[0] = (byte)((point.Value is null ? 0 : HasValue) | (point.Low is null ? 0 : HasLow) | (point.High is null ? 0 : HasHigh));
            BinaryPrimitives.WriteInt32LittleEndian(record[1..], series);
            BinaryPrimitives.WriteInt32LittleEndian(record[5..], point.Observations);
            var length = Write(record, Write(record, Write(record, 9, point.Value), point.Low), point.High);
            bytes.Advance(length);
        }

        return Convert.ToBase64String(bytes.WrittenSpan);
    }

    public static IEnumerable<(int Series, SeriesPoint Point)> ReadPoints(string encoded, TimeWindow window)
    {
        var bytes = Convert.FromBase64String(encoded);
        var points = new List<(int, SeriesPoint)>();
        var at = 0;
        while (at < bytes.Length)
        {
            var record = bytes.AsSpan(at);
            var flags = record[0];
            var series = BinaryPrimitives.ReadInt32LittleEndian(record[1..]);
            var observations = BinaryPrimitives.ReadInt32LittleEndian(record[5..]);
            at += 9;
            double? Next(byte flag)
            {
                if ((flags & flag) == 0)
                {
                    return null;
                }

                var value = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(at));
                at += sizeof(double);
                return value;
            }

            var pointValue = Next(HasValue);
            var low = Next(HasLow);
            var high = Next(HasHigh);
            points.Add((series, new SeriesPoint(window, pointValue, observations, low, high)));
        }

        return points;
    }

    // Writes a set value at `at`; the length written so far.
    private static int Write(Span<byte> record, int at, double? value)
    {
        if (value is not { } set)
        {
            return at;
        }

        BinaryPrimitives.WriteDoubleLittleEndian(record[at..], set);
        return at + sizeof(double);
    }

    private sealed record SeriesHead(string Signal, string[][] Labels, string Unit);
}
