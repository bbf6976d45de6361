using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class HistogramBinsTests
{
    [Fact]
    public void Compute_SkewedSample_FreedmanDiaconisEdgesAndCounts()
    {
        // Sorted 1 2 2 3 3 3 4 10, n = 8. Type 7: Q1 at position 7 × 0.25 = 1.75 → 2 + 0.75 × (2 − 2) = 2;
        // Q3 at 5.25 → 3 + 0.25 × (4 − 3) = 3.25; IQR 1.25. Width 2 × 1.25 / ∛8 = 1.25; range 9 → ⌈7.2⌉ = 8 bins from 1.
        // [1, 2.25): 1 2 2 → 3; [2.25, 3.5): 3 3 3 → 3; [3.5, 4.75): 4 → 1; four empty bins; [9.75, 11]: 10 → 1.
        var bins = HistogramBins.Compute([3, 1, 2, 10, 3, 2, 4, 3]);

        bins.Edges.Should().Equal(1, 2.25, 3.5, 4.75, 6, 7.25, 8.5, 9.75, 11);
        bins.Counts.Should().Equal(3, 3, 1, 0, 0, 0, 0, 1);
    }

    [Fact]
    public void Compute_ZeroIqr_FallsBackToSturges()
    {
        // 5 5 5 5 9: Q1 = Q3 = 5, IQR 0 → Sturges ⌈log₂ 5⌉ + 1 = 4 bins of (9 − 5) / 4 = 1.
        var bins = HistogramBins.Compute([5, 5, 5, 5, 9]);

        bins.Edges.Should().Equal(5, 6, 7, 8, 9);
        bins.Counts.Should().Equal(4, 0, 0, 1);
    }

    [Fact]
    public void Compute_AllEqual_OneBinAroundTheValue()
    {
        var bins = HistogramBins.Compute([7, 7, double.NaN]);

        bins.Edges.Should().Equal(6.5, 7.5);
        bins.Counts.Should().Equal(2);
    }

    [Fact]
    public void Compute_GivenEdges_LastBinClosedAndOutsideValuesDropped()
    {
        // [0, 10): 0 5; [10, 20]: 10 20; 25 and −1 are outside.
        var bins = HistogramBins.Compute([0, 5, 10, 20, 25, -1], [0, 10, 20]);

        bins.Counts.Should().Equal(2, 2);
    }

    [Fact]
    public void Compute_EdgesNotAscending_Throws()
    {
        var act = () => HistogramBins.Compute([1], [0, 0]);

        act.Should().Throw<ArgumentException>().WithMessage("edge 1 (0) is not finite or not above the one before it*");
    }

    [Fact]
    public void Compute_NoValues_NoBins()
    {
        var bins = HistogramBins.Compute([]);

        bins.Edges.Should().BeEmpty();
        bins.Counts.Should().BeEmpty();
    }
}
