using Analytics.Signals.Incremental;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>The window arithmetic of the cache: which instants a row reaches, and which windows a span recomputes.</summary>
public sealed class ReachTests
{
    // Monday 2 November 2026, 00:00 UTC: weeks in UTC run Monday to Monday.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Span_Within_CoversOnlyTheRowsWindows()
    {
        // A row placed on Wednesday 4 Nov recomputes [Wed, Wed + 1 tick): only the week of 2 Nov overlaps it.
        var at = Monday.AddDays(2);
        var span = Reach.Within.Span(at, at)!.Value;
        Windows(span).Should().Equal(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public void Span_LookBack_ReachesTheWindowsThatReadBackToTheRow()
    {
        // The flaky-test analysis of a window reads 14 days before its end: a result on Wed 4 Nov counts in the weeks of
        // 2 Nov (ends 9 Nov) and 9 Nov (ends 16 Nov, reads from 2 Nov), not 16 Nov (reads from 9 Nov). With a look-back of
        // 14 days the span ends at 18 Nov + 1 tick, which also touches the week of 16 Nov: a window too many, never too few.
        var at = Monday.AddDays(2);
        var span = Reach.Bounded(TimeSpan.FromDays(14), TimeSpan.Zero).Span(at, at)!.Value;
        span.Start.Should().Be(at);
        span.End.Should().Be(at.AddDays(14).AddTicks(1));
        Windows(span).Should().Equal(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16));
    }

    [Fact]
    public void Span_LookAhead_ReachesEarlierWindows()
    {
        // A deployment on Tue 10 Nov can take the blame for an incident a day later, counted in the deployment's window; a
        // look-ahead of 2 days from Mon 9 Nov 12:00 reaches back into the week of 2 Nov.
        var at = Monday.AddDays(7).AddHours(12);
        var span = Reach.Bounded(TimeSpan.Zero, TimeSpan.FromDays(2)).Span(at, at)!.Value;
        span.Start.Should().Be(at.AddDays(-2));
        Windows(span).Should().Equal(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9));
    }

    [Fact]
    public void Span_EveryLater_HasNoEnd()
    {
        var span = Reach.EveryLater(TimeSpan.Zero).Span(Monday, Monday.AddDays(3))!.Value;
        span.Should().Be((Monday, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Span_Everything_IsNull()
    {
        Reach.Everything.Span(Monday, Monday).Should().BeNull();
    }

    [Fact]
    public void Span_RowSpanningDays_CoversFromEarliestToLatest()
    {
        // An incident created Sunday 8 Nov and resolved Tuesday 10 Nov counts in both weeks.
        var span = Reach.Within.Span(Monday.AddDays(6), Monday.AddDays(8))!.Value;
        Windows(span).Should().Equal(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9));
    }

    [Fact]
    public void MergeWithin_OverlappingAndTouching_AreMergedAndClipped()
    {
        // [−3, 1) and [1, 2) touch, [1.5, 4) overlaps them; [10, 11) is apart; [20, 30) is clipped to the period's end 25;
        // [−10, −5) lies before the period (from −4) and is dropped.
        DateTimeOffset D(double days) => Monday.AddDays(days);
        var merged = ChangedSpans.MergeWithin(
            [(D(1.5), D(4)), (D(-3), D(1)), (D(20), D(30)), (D(1), D(2)), (D(10), D(11)), (D(-10), D(-5))], D(-4), D(25));
        merged.Should().Equal((D(-3), D(4)), (D(10), D(11)), (D(20), D(25)));
    }

    [Fact]
    public void MergeWithin_EmptySpan_IsDropped()
    {
        ChangedSpans.MergeWithin([(Monday, Monday)], Monday.AddDays(-1), Monday.AddDays(1)).Should().BeEmpty();
    }

    // The first days of the UTC weeks a sub-request over the span recomputes.
    private static IEnumerable<DateOnly> Windows((DateTimeOffset Start, DateTimeOffset End) span) =>
        TimeWindow.Covering(span.Start, span.End, Granularity.Week, "UTC").Select(w => w.FirstDay);
}
