using Analytics.Signals.Incremental;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>The cached windows' encoding: what is written reads back bit for bit.</summary>
public sealed class CachedSeriesCodecTests
{
    private static readonly TimeWindow Week = TimeWindow.Containing(SignalFixture.Monday, Granularity.Week, "UTC");

    [Fact]
    public void Points_WrittenAndRead_AreTheSameBitForBit()
    {
        (int, SeriesPoint)[] points =
        [
            (0, new SeriesPoint(Week, 0.1 + 0.2, 3, 0.25, 0.35)),
            (1, new SeriesPoint(Week, null, 0, null, null)),
            (2, new SeriesPoint(Week, double.NaN, 1, double.NegativeInfinity, double.PositiveInfinity)),
            (7, new SeriesPoint(Week, -0.0, int.MaxValue, null, double.Epsilon)),
            (int.MaxValue, new SeriesPoint(Week, double.MaxValue, 12, double.MinValue, null)),
        ];

        var read = CachedSeriesCodec.ReadPoints(CachedSeriesCodec.WritePoints(points), Week).ToList();

        read.Select(p => p.Series).Should().Equal(points.Select(p => p.Item1));
        read.Select(p => p.Point.Observations).Should().Equal(points.Select(p => p.Item2.Observations));
        read.Select(p => p.Point.Window).Should().AllBeEquivalentTo(Week);
        Bits(read.Select(p => p.Point)).Should().Equal(Bits(points.Select(p => p.Item2)));
    }

    [Fact]
    public void Points_None_ReadAsNone()
    {
        CachedSeriesCodec.ReadPoints(CachedSeriesCodec.WritePoints([]), Week).Should().BeEmpty();
    }

    private static IEnumerable<long?> Bits(IEnumerable<SeriesPoint> points) =>
        points.SelectMany(p => new[] { p.Value, p.Low, p.High }).Select(v => v is { } d ? BitConverter.DoubleToInt64Bits(d) : (long?)null);
}
