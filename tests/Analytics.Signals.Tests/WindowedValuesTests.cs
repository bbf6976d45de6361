using Analytics.Signals.Series;

namespace Analytics.Signals.Tests;

/// <summary>
/// <see cref="WindowedValues.Add"/> finds the window by bisection when the windows are in order; it must put every
/// observation where the window-by-window scan it replaced put it (the first window containing it, none outside).
/// </summary>
public sealed class WindowedValuesTests
{
    [Theory]
    [InlineData(Granularity.Day, "UTC")]
    [InlineData(Granularity.Week, "Europe/Berlin")]
    [InlineData(Granularity.Month, "America/New_York")]
    [InlineData(Granularity.Quarter, "Asia/Kolkata")]
    public void Add_InstantsInAndAroundCalendarWindows_LandWhereTheScanPutsThem(Granularity granularity, string zone)
    {
        var windows = TimeWindow.Covering(
            new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero),
            granularity,
            zone).ToList();

        AssertSameAsScan(windows, Instants(windows));
    }

    [Fact]
    public void Add_WindowsOutOfOrder_LandWhereTheScanPutsThem()
    {
        // Not in time order (a caller's own list): the first containing window in list order wins, as before.
        var weeks = TimeWindow.Covering(
            new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 4, 27, 0, 0, 0, TimeSpan.Zero),
            Granularity.Week,
            "UTC").ToList();
        var month = TimeWindow.Containing(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), Granularity.Month, "UTC");
        List<TimeWindow> windows = [weeks[3], weeks[0], month, .. weeks.Skip(4), weeks[1]];

        AssertSameAsScan(windows, Instants(windows));
    }

    private static void AssertSameAsScan(IReadOnlyList<TimeWindow> windows, IReadOnlyList<DateTimeOffset> instants)
    {
        var collector = new WindowedValues(windows);
        var expected = windows.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < instants.Count; i++)
        {
            collector.Add(instants[i], i);
            var first = windows.ToList().FindIndex(w => instants[i] >= w.Start && instants[i] < w.End);
            if (first >= 0)
            {
                expected[first].Add(i);
            }
        }

        for (var w = 0; w < windows.Count; w++)
        {
            collector.ValuesIn(w).Should().Equal(expected[w], $"window {w} ({windows[w]})");
        }

        expected.Sum(e => e.Count).Should().BeLessThan(instants.Count, "some instants fall outside every window");
    }

    /// <summary>Every window's start, the instants a tick either side of it and of its end, and random instants around them.</summary>
    private static List<DateTimeOffset> Instants(IReadOnlyList<TimeWindow> windows)
    {
        var random = new Random(20261122);
        var first = windows.Min(w => w.Start).AddDays(-20);
        var last = windows.Max(w => w.End).AddDays(20);
        var instants = windows.SelectMany(w => new[] { w.Start, w.Start.AddTicks(-1), w.Start.AddTicks(1), w.End, w.End.AddTicks(-1) }).ToList();
        instants.AddRange(Enumerable.Range(0, 2_000).Select(_ => first.AddTicks((long)(random.NextDouble() * (last - first).Ticks))));
        return instants;
    }
}
