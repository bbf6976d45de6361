using Analytics.Domain.Common;
using Analytics.Reports.Quarterly;
using Analytics.Signals.Series;

namespace Analytics.Reports.Tests.Quarterly;

public sealed class CheckValueTests
{
    private const string Zone = "Europe/Berlin";
    private static readonly TimeWindow Q3 = new QuarterPeriod(2026, 3).Window(Zone);

    private static MaturityCheck Check(CheckAggregation aggregation, SeriesCombination across, Comparison comparison, params LabelMatcher[] labels) =>
        MaturityScoringTests.Check("c", SignalUnit.Seconds, comparison, (MaturityLevel.Managed, 1)) with
        {
            Aggregation = aggregation,
            Across = across,
            Labels = ValueList.From(labels),
        };

    private static Series Weekly(string team, string repository, params (int Day, double? Value)[] weeks) =>
        new("ci.failure_rate", Labels.Of(new Label("team", team), new Label("repository", repository)), SignalUnit.Ratio,
            ValueList.From(weeks.Select(w => new SeriesPoint(new TimeWindow(new DateOnly(2026, 6, 29).AddDays(w.Day), Granularity.Week, Zone), w.Value, 1))));

    [Fact]
    public void ValueOf_WeeklyMean_OnlyWeeksStartingInTheQuarterWithAValue()
    {
        // Weeks start on Mondays: 29 Jun (Q2, left out), 6 Jul, 13 Jul (no value, left out), 28 Sep; 5 Oct is Q4.
        var series = Weekly("a", "r", (0, 100), (7, 2), (14, null), (91, 4), (98, 100));

        var value = QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMean, SeriesCombination.Worst, Comparison.AtMost), [series], "a", Q3);

        value.Should().Be(3); // (2 + 4) / 2
    }

    [Fact]
    public void ValueOf_SeveralSeries_WorstDependsOnTheComparisonSumAddsUp()
    {
        var one = Weekly("a", "r1", (7, 2), (14, 4));   // weekly max 4
        var two = Weekly("a", "r2", (7, 6), (14, 1));   // weekly max 6
        var other = Weekly("b", "r3", (7, 50));          // another team's: ignored

        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Worst, Comparison.AtMost), [one, two, other], "a", Q3).Should().Be(6);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Worst, Comparison.AtLeast), [one, two, other], "a", Q3).Should().Be(4);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Sum, Comparison.AtMost), [one, two, other], "a", Q3).Should().Be(10);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMin, SeriesCombination.Mean, Comparison.AtMost), [one, two, other], "a", Q3).Should().Be(1.5); // (2 + 1) / 2
    }

    [Fact]
    public void ValueOf_LabelMatchers_SelectSeriesNegationAndMissingAsEmpty()
    {
        var one = Weekly("a", "r1", (7, 2));
        var two = Weekly("a", "r2", (7, 6));

        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Sum, Comparison.AtMost, new LabelMatcher("repository", "r2", true)), [one, two], "a", Q3).Should().Be(2);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Sum, Comparison.AtMost, new LabelMatcher("folder", "", false)), [one, two], "a", Q3).Should().Be(8);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.WeeklyMax, SeriesCombination.Sum, Comparison.AtMost, new LabelMatcher("repository", "r9", false)), [one, two], "a", Q3).Should().BeNull();
    }

    [Fact]
    public void ValueOf_QuarterAggregation_ThePointOfTheQuarterWindow()
    {
        var series = new Series("x", Labels.Of(new Label("team", "a")), SignalUnit.Count, ValueList.Of(
            new SeriesPoint(new QuarterPeriod(2026, 2).Window(Zone), 7, 1),
            new SeriesPoint(Q3, 9, 1),
            new SeriesPoint(new QuarterPeriod(2026, 4).Window(Zone), null, 0)));

        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.Quarter, SeriesCombination.Worst, Comparison.AtMost), [series], "a", Q3).Should().Be(9);
        QuarterlyReviewBuilder.ValueOf(Check(CheckAggregation.Quarter, SeriesCombination.Worst, Comparison.AtMost), [series], "a", new QuarterPeriod(2026, 4).Window(Zone)).Should().BeNull();
    }
}
