using System.Text;
using Analytics.Storage.Sql;

namespace Analytics.Storage.Tests;

/// <summary>The fixed-width instant text of the SQLite store, read digit by digit from its UTF-8 bytes for columnar reads.</summary>
public class StoreInstantsTests
{
    [Theory]
    [InlineData("2026-11-22T06:05:09.123456Z")]
    [InlineData("2024-02-29T23:59:59.999999Z")] // a leap day, the last microsecond
    [InlineData("0001-01-01T00:00:00.000000Z")]
    [InlineData("9999-12-31T23:59:59.999999Z")]
    public void TicksFromSqliteText_WellFormed_EqualsTheExactParse(string text)
    {
        StoreInstants.TicksFromSqliteText(Encoding.UTF8.GetBytes(text)).Should().Be(StoreInstants.FromSqliteText(text).UtcTicks);
    }

    [Fact]
    public void TicksFromSqliteText_RoundTripsWhatTheStoreWrites()
    {
        var instant = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var text = StoreInstants.ToSqliteText(instant);

        // ToSqliteText keeps whole microseconds: 1,234,567 ticks past the second become 1,234,560.
        StoreInstants.TicksFromSqliteText(Encoding.UTF8.GetBytes(text)).Should().Be(instant.UtcTicks - 7);
    }

    [Theory]
    [InlineData("2026-02-30T00:00:00.000000Z")] // no 30 February
    [InlineData("2026-11-22T24:00:00.000000Z")]
    [InlineData("2026-11-22T06:05:09.12345xZ")]
    [InlineData("2026-11-22 06:05:09")]
    public void TicksFromSqliteText_Malformed_FailsLikeTheExactParse(string text)
    {
        var act = () => StoreInstants.TicksFromSqliteText(Encoding.UTF8.GetBytes(text));
        act.Should().Throw<FormatException>();
    }
}
