using Analytics.Collectors.Simulation;

namespace Analytics.Collectors.Tests.Simulation;

/// <summary>The simulator's working calendar in an IANA zone, daylight saving included.</summary>
public sealed class WorkCalendarTests
{
    private readonly WorkCalendar _berlin = new("Europe/Berlin");

    [Fact]
    public void At_WinterAndSummerInBerlin_FollowsDaylightSaving()
    {
        // 09:00 in Berlin is 08:00Z in January (CET, +01:00) and 07:00Z in July (CEST, +02:00).
        _berlin.At(new DateOnly(2026, 1, 14), TimeSpan.FromHours(9)).Should().Be(new DateTimeOffset(2026, 1, 14, 8, 0, 0, TimeSpan.Zero));
        _berlin.At(new DateOnly(2026, 7, 15), TimeSpan.FromHours(9)).Should().Be(new DateTimeOffset(2026, 7, 15, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void At_TimeSkippedInSpring_ReadAtTheStandardOffset()
    {
        // Clocks went from 02:00 CET to 03:00 CEST on Sunday 29 March 2026: 02:30 does not exist and is read at +01:00,
        // 01:30Z, which is 03:30 summer time.
        var at = _berlin.At(new DateOnly(2026, 3, 29), new TimeSpan(2, 30, 0));

        at.Should().Be(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
        _berlin.LocalTime(at).Should().Be(new DateTime(2026, 3, 29, 3, 30, 0));
    }

    [Fact]
    public void AddWorkingTime_FromFridayEveningBeforeSummerTime_LandsMondayInLocalWorkingHours()
    {
        // Friday 27 March 2026 17:00 CET (16:00Z) + 2 h of work: 1 h to 18:00 on Friday, then Monday 30 March from 09:00
        // CEST (07:00Z) for the second hour: 10:00 CEST = 08:00Z.
        var end = _berlin.AddWorkingTime(new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2));

        end.Should().Be(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero));
    }
}
