using Analytics.Reports.Charts.Axes;

namespace Analytics.Reports.Tests.Charts.Axes;

public sealed class TimeTicksTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Choose_OneMonth_WeeklyTicksOnMondays()
    {
        // 1..31 Mar 2026 with at most 6 ticks: 31 days, 2-day steps give 15 or 16, weeks give the Mondays
        // 2, 9, 16, 23, 30 Mar (1 Mar 2026 is a Sunday) = 5 ticks.
        var ticks = TimeTicks.Choose(Utc(2026, 3, 1), Utc(2026, 3, 31), 6, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Week);
        ticks.Ticks.Select(t => t.Label).Should().Equal("2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar");
        ticks.Ticks[0].At.Should().Be(Utc(2026, 3, 2));
    }

    [Fact]
    public void Choose_FourDays_DailyTicks()
    {
        // 2..5 Mar 2026 inclusive: 4 day ticks ≤ 6.
        var ticks = TimeTicks.Choose(Utc(2026, 3, 2), Utc(2026, 3, 5), 6, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Day);
        ticks.Ticks.Select(t => t.Label).Should().Equal("2 Mar", "3 Mar", "4 Mar", "5 Mar");
    }

    [Fact]
    public void Choose_HalfYear_MonthlyTicks()
    {
        // 10 Jan..30 Jun 2026, at most 6: two-week steps give about 12; months give 1 Feb..1 Jun = 5.
        var ticks = TimeTicks.Choose(Utc(2026, 1, 10), Utc(2026, 6, 30), 6, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Month);
        ticks.Ticks.Select(t => t.Label).Should().Equal("Feb", "Mar", "Apr", "May", "Jun");
    }

    [Fact]
    public void Choose_MonthsAcrossNewYear_JanuaryCarriesTheYear()
    {
        // 15 Nov 2026..10 Mar 2027, at most 6: two-week steps give 8; months give 1 Dec, 1 Jan, 1 Feb, 1 Mar = 4.
        var ticks = TimeTicks.Choose(Utc(2026, 11, 15), Utc(2027, 3, 10), 6, allowHours: false);

        ticks.Ticks.Select(t => t.Label).Should().Equal("Dec", "Jan 2027", "Feb", "Mar");
    }

    [Fact]
    public void Choose_AlmostAYear_QuarterTicks()
    {
        // 15 Jan..20 Dec 2026, at most 4: months give 11 (1 Feb..1 Dec); quarters give 1 Apr, 1 Jul, 1 Oct = 3.
        var ticks = TimeTicks.Choose(Utc(2026, 1, 15), Utc(2026, 12, 20), 4, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Quarter);
        ticks.Ticks.Select(t => t.Label).Should().Equal("Q2 2026", "Q3 2026", "Q4 2026");
    }

    [Fact]
    public void Choose_SixYears_TwoYearTicks()
    {
        // 1 Jun 2020..1 Jun 2026, at most 4: yearly gives 2021..2026 = 6; every 2 years gives 2022, 2024, 2026 = 3.
        var ticks = TimeTicks.Choose(Utc(2020, 6, 1), Utc(2026, 6, 1), 4, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Year);
        ticks.Step.Should().Be(2);
        ticks.Ticks.Select(t => t.Label).Should().Equal("2022", "2024", "2026");
    }

    [Fact]
    public void Choose_EighteenHoursOfInstants_SixHourTicksWithDateAtMidnight()
    {
        // 00:00..18:00 on 2 Mar, at most 4: hourly gives 19, 3-hourly 7, 6-hourly 00, 06, 12, 18 = 4.
        var ticks = TimeTicks.Choose(Utc(2026, 3, 2, 0), Utc(2026, 3, 2, 18), 4, allowHours: true);

        ticks.Unit.Should().Be(TimeTickUnit.Hour);
        ticks.Ticks.Select(t => t.Label).Should().Equal("2 Mar", "06:00", "12:00", "18:00");
    }

    [Fact]
    public void Choose_EighteenHoursOfDates_NoHourTicks()
    {
        // Hours are not allowed, so the one midnight inside the span (2 Mar) is the only tick.
        var ticks = TimeTicks.Choose(Utc(2026, 3, 2, 0), Utc(2026, 3, 2, 18), 4, allowHours: false);

        ticks.Unit.Should().Be(TimeTickUnit.Day);
        ticks.Ticks.Select(t => t.Label).Should().Equal("2 Mar");
    }

    [Fact]
    public void Choose_EndBeforeStart_Throws()
    {
        var act = () => TimeTicks.Choose(Utc(2026, 3, 2), Utc(2026, 3, 1), 4, allowHours: false);

        act.Should().Throw<ArgumentException>().WithParameterName("end");
    }
}
