using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using static Analytics.Reports.Tests.Charts.ChartData;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartSpecTests
{
    [Fact]
    public void Equals_SameContentBuiltTwice_Equal()
    {
        var a = Chart(Series("p50", Day(0, 1), Day(1, null))) with { Threshold = new ThresholdLine(2, "Goal") };
        var b = Chart(Series("p50", Day(0, 1), Day(1, null))) with { Threshold = new ThresholdLine(2, "Goal") };

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentPoint_NotEqual()
    {
        Chart(Series("p50", Day(0, 1))).Should().NotBe(Chart(Series("p50", Day(0, 2))));
    }

    [Fact]
    public void Constructor_BlankTitle_Throws()
    {
        var act = () => new Sparkline(" ", "d", ValueList<double?>.Empty);

        act.Should().Throw<ArgumentException>().WithParameterName("title");
    }

    [Fact]
    public void Constructor_BlankDescription_Throws()
    {
        var act = () => new Sparkline("t", "", ValueList<double?>.Empty);

        act.Should().Throw<ArgumentException>().WithParameterName("description");
    }

    [Fact]
    public void BandPoint_HighBelowLow_Throws()
    {
        var act = () => BandPoint.OnDate(Monday, 5, 4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("high");
    }

    [Fact]
    public void ChartSize_TooSmall_Throws()
    {
        var act = () => new ChartSize(15, 100);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("width");
    }

    [Fact]
    public void OnDate_Date_StartOfDayUtc()
    {
        TimePoint.OnDate(new DateOnly(2026, 3, 2), 1).At.Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    }
}
