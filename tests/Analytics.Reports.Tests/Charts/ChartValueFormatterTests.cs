using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartValueFormatterTests
{
    [Theory]
    [InlineData(0.25, "25%")] // 0.25 × 100 = 25
    [InlineData(0.125, "12.5%")] // 12.5, one decimal
    [InlineData(0.12345, "12.3%")] // 12.345 → 12.3
    [InlineData(1, "100%")]
    [InlineData(0, "0%")]
    public void Format_Percentage_MultipliesByHundred(double value, string expected)
    {
        ChartValueFormatter.Format(value, ValueFormat.Percentage).Should().Be(expected);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(720, "12 min")] // 720 / 60 = 12
    [InlineData(12_600, "3.5 h")] // 12600 / 3600 = 3.5
    [InlineData(172_800, "2 d")] // 172800 / 86400 = 2
    [InlineData(90, "1.5 min")] // 90 / 60 = 1.5
    [InlineData(0.25, "250 ms")]
    [InlineData(0, "0s")]
    [InlineData(59.96, "1 min")] // 59.96 s rounds to 60.0 s, which is written in the next unit
    [InlineData(-90, "-1.5 min")]
    public void Format_Duration_UsesHumanUnit(double seconds, string expected)
    {
        ChartValueFormatter.Format(seconds, ValueFormat.Duration).Should().Be(expected);
    }

    [Theory]
    [InlineData(3.14159, "3.14")]
    [InlineData(1.5, "1.5")]
    [InlineData(12_345, "12.3k")] // 12345 / 1000 = 12.345 → 12.3
    [InlineData(1_500_000, "1.5M")]
    [InlineData(2e9, "2B")]
    [InlineData(5_000, "5000")] // below 10 000 stays whole
    [InlineData(-0.0, "0")]
    [InlineData(0.000012, "1.2E-5")]
    public void Format_Number_InvariantAndCompact(double value, string expected)
    {
        ChartValueFormatter.Format(value, ValueFormat.Number).Should().Be(expected);
    }

    [Fact]
    public void Format_NaN_Dash()
    {
        ChartValueFormatter.Format(double.NaN, ValueFormat.Number).Should().Be("–");
    }

    [Theory]
    // Step 0.05 (5 percentage points) needs no decimals.
    [InlineData(0.05, 0.05, 0.2, ValueFormat.Percentage, "5%")]
    // Step 0.005 is 0.5 points: one decimal.
    [InlineData(0.025, 0.005, 0.03, ValueFormat.Percentage, "2.5%")]
    // Axis reaches 40 000 ≥ 10 000, so thousands; step 5000 / 1000 = 5 needs no decimals.
    [InlineData(20_000, 5_000, 40_000, ValueFormat.Number, "20k")]
    // Axis reaches 10 000; step 500 / 1000 = 0.5 needs one decimal.
    [InlineData(2_500, 500, 10_000, ValueFormat.Number, "2.5k")]
    // Zero stays "0" on a thousands axis, not "0k".
    [InlineData(0, 50_000, 150_000, ValueFormat.Number, "0")]
    // Step 0.2 needs one decimal; 1 is written without one.
    [InlineData(1, 0.2, 2, ValueFormat.Number, "1")]
    [InlineData(0.4, 0.2, 2, ValueFormat.Number, "0.4")]
    [InlineData(5_400, 1_800, 5_400, ValueFormat.Duration, "1.5 h")]
    public void Tick_GivenStep_UsesStepPrecision(double value, double step, double maxAbs, ValueFormat format, string expected)
    {
        ChartValueFormatter.Tick(value, step, maxAbs, format).Should().Be(expected);
    }
}
