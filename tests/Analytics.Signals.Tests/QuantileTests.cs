using Analytics.Signals.Statistics;

namespace Analytics.Signals.Tests;

/// <summary>Expected values computed by hand with Hyndman and Fan's definition 7: h = (n − 1)p + 1.</summary>
public sealed class QuantileTests
{
    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues()
    {
        // Sorted 1, 2, 3, 4: h = 3 × 0.5 + 1 = 2.5 → x2 + 0.5 × (x3 − x2) = 2 + 0.5 = 2.5.
        Quantile.Median([4, 1, 3, 2]).Should().Be(2.5);
    }

    [Fact]
    public void Of_P90OfOneToTen_Interpolates()
    {
        // n = 10: h = 9 × 0.9 + 1 = 9.1 → x9 + 0.1 × (x10 − x9) = 9 + 0.1 = 9.1.
        Quantile.Of(Enumerable.Range(1, 10).Select(i => (double)i), 0.9).Should().BeApproximately(9.1, 1e-12);
    }

    [Fact]
    public void Of_EmptyAndSingle_AreNullAndTheValue()
    {
        Quantile.Median([]).Should().BeNull();
        Quantile.Of([7], 0.9).Should().Be(7);
    }

    [Fact]
    public void Of_ProbabilityOutsideZeroToOne_Throws()
    {
        var act = () => Quantile.Of([1, 2], 1.5);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
