using Analytics.Signals.Series;

namespace Analytics.Signals.Tests;

public sealed class TimeWindowTests
{
    [Fact]
    public void Containing_WeekWithDaylightSavingChange_StartsAndEndsAtLocalMidnight()
    {
        // 2026-03-29T00:30Z is 01:30 CET on Sunday 29 March in Berlin, the day clocks go forward at 02:00.
        // Its ISO week starts Monday 23 March 00:00 CET (22 March 23:00Z) and ends Monday 30 March 00:00 CEST (29 March 22:00Z).
        var week = TimeWindow.Containing(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), Granularity.Week, "Europe/Berlin");

        week.FirstDay.Should().Be(new DateOnly(2026, 3, 23));
        week.Start.Should().Be(new DateTimeOffset(2026, 3, 22, 23, 0, 0, TimeSpan.Zero));
        week.End.Should().Be(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero));
        (week.End - week.Start).Should().Be(TimeSpan.FromHours(167));
        week.ToString().Should().Be("2026-W13");
    }

    [Fact]
    public void Containing_MonthAndQuarter_StartOnTheirFirstDay()
    {
        var instant = new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);

        TimeWindow.Containing(instant, Granularity.Month, "UTC").FirstDay.Should().Be(new DateOnly(2026, 5, 1));
        var quarter = TimeWindow.Containing(instant, Granularity.Quarter, "UTC");
        quarter.FirstDay.Should().Be(new DateOnly(2026, 4, 1));
        quarter.EndDay.Should().Be(new DateOnly(2026, 7, 1));
        quarter.ToString().Should().Be("2026-Q2");
    }

    [Fact]
    public void Covering_ThreeWeeksFromAWednesday_GivesTheFourOverlappingWeeks()
    {
        // Wed 4 Nov 2026 to Wed 25 Nov 2026 (excluded) overlaps the weeks starting 2, 9, 16 and 23 November.
        var weeks = TimeWindow.Covering(
            new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
            Granularity.Week,
            "UTC").ToList();

        weeks.Select(w => w.FirstDay.Day).Should().Equal(2, 9, 16, 23);
    }
}
