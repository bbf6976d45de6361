using Analytics.Reports.Weekly;

namespace Analytics.Reports.Tests.Weekly;

public sealed class ReportWeekTests
{
    [Theory]
    // ISO 8601: week 1 holds the year's first Thursday. 2026 starts on a Thursday, so 2026-W01 starts Mon 29 Dec 2025
    // and 2026 has 53 weeks (its last week starts Mon 28 Dec 2026).
    [InlineData("2026-W46", 2026, 11, 9)]
    [InlineData("2026-W01", 2025, 12, 29)]
    [InlineData("2026-W53", 2026, 12, 28)]
    [InlineData("2020W53", 2020, 12, 28)]
    [InlineData(" 2027-w1 ", 2027, 1, 4)]
    public void TryParse_IsoWeek_GivesItsMonday(string text, int year, int month, int day)
    {
        ReportWeek.TryParse(text, out var week, out var error).Should().BeTrue(error);

        week.Monday.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    // 2025 starts on a Wednesday and is not a leap year: 52 weeks.
    [InlineData("2025-W53", "2025 has weeks 1 to 52")]
    [InlineData("2026-W00", "2026 has weeks 1 to 53")]
    [InlineData("2026-46", "is not an ISO week")]
    [InlineData("last week", "is not an ISO week")]
    [InlineData("", "is not an ISO week")]
    public void TryParse_BadWeek_SaysWhy(string text, string expected)
    {
        ReportWeek.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(expected);
    }

    [Fact]
    public void LastComplete_JustAfterMidnightMondayInBerlin_IsTheWeekThatJustEnded()
    {
        // Sun 15 Nov 2026 23:30 UTC is Mon 16 Nov 00:30 in Berlin (UTC+1): the week of 9–15 Nov has ended there but not in UTC.
        var now = new DateTimeOffset(2026, 11, 15, 23, 30, 0, TimeSpan.Zero);

        ReportWeek.LastComplete(now, "Europe/Berlin").ToString().Should().Be("2026-W46");
        ReportWeek.LastComplete(now, "UTC").ToString().Should().Be("2026-W45");
        // In Los Angeles it is still Sunday afternoon.
        ReportWeek.LastComplete(now, "America/Los_Angeles").ToString().Should().Be("2026-W45");
    }

    [Fact]
    public void LastComplete_InTheFirstDaysOfJanuary_IsWeek53OfTheYearBefore()
    {
        // Wed 6 Jan 2027: the current week is 2027-W01 (Mon 4 Jan); the one before is 2026-W53 (28 Dec – 3 Jan).
        ReportWeek.LastComplete(new DateTimeOffset(2027, 1, 6, 12, 0, 0, TimeSpan.Zero), "Pacific/Auckland").Should().Be(new ReportWeek(2026, 53));
    }

    [Fact]
    public void In_TimeZone_StartsAtLocalMidnightOnMonday()
    {
        var window = new ReportWeek(2026, 46).In("Europe/Berlin");

        window.Start.Should().Be(new DateTimeOffset(2026, 11, 8, 23, 0, 0, TimeSpan.Zero));
        window.End.Should().Be(new DateTimeOffset(2026, 11, 15, 23, 0, 0, TimeSpan.Zero));
        window.ToString().Should().Be("2026-W46");
    }
}
