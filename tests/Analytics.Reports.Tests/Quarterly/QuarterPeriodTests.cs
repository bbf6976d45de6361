using Analytics.Reports.Quarterly;

namespace Analytics.Reports.Tests.Quarterly;

public sealed class QuarterPeriodTests
{
    [Theory]
    [InlineData("2026-Q3", 2026, 3)]
    [InlineData("2026q1", 2026, 1)]
    [InlineData(" 2025-Q4 ", 2025, 4)]
    public void TryParse_Quarter_YearAndNumber(string text, int year, int number)
    {
        QuarterPeriod.TryParse(text).Should().Be(new QuarterPeriod(year, number));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("26-Q1")]
    [InlineData("2026-07")]
    [InlineData("Q3-2026")]
    [InlineData("2026-Q12")]
    [InlineData("")]
    public void TryParse_NotAQuarter_Null(string text)
    {
        QuarterPeriod.TryParse(text).Should().BeNull();
    }

    [Fact]
    public void Previous_FirstQuarter_LastQuarterOfTheYearBefore()
    {
        new QuarterPeriod(2026, 1).Previous.Should().Be(new QuarterPeriod(2025, 4));
        new QuarterPeriod(2026, 3).Previous.Should().Be(new QuarterPeriod(2026, 2));
    }

    [Fact]
    public void LastComplete_JustAfterMidnightInTokyo_QuarterHasEndedThereButNotInUtcOrNewYork()
    {
        // 2026-03-31 15:30 UTC is 1 April 00:30 in Tokyo (UTC+9): Q1 has ended there; in UTC and New York it is still
        // 31 March, so the last complete quarter is 2025-Q4.
        var now = new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);

        QuarterPeriod.LastComplete(now, "Asia/Tokyo").Should().Be(new QuarterPeriod(2026, 1));
        QuarterPeriod.LastComplete(now, "UTC").Should().Be(new QuarterPeriod(2025, 4));
        QuarterPeriod.LastComplete(now, "America/New_York").Should().Be(new QuarterPeriod(2025, 4));
    }

    [Fact]
    public void Window_InTimeZones_StartsAtLocalMidnight()
    {
        var q3 = new QuarterPeriod(2026, 3);

        // 1 July 00:00 in Berlin (summer time, UTC+2) is 30 June 22:00 UTC; 1 October 00:00 is 30 September 22:00 UTC.
        q3.Window("Europe/Berlin").Start.Should().Be(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero));
        q3.Window("Europe/Berlin").End.Should().Be(new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero));
        // Q4 in New York ends on 1 January 00:00 EST (UTC−5) = 05:00 UTC, after daylight saving ended in November.
        new QuarterPeriod(2026, 4).Window("America/New_York").End.Should().Be(new DateTimeOffset(2027, 1, 1, 5, 0, 0, TimeSpan.Zero));
        q3.Window("UTC").ToString().Should().Be("2026-Q3");
    }
}
