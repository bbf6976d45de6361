using Analytics.Domain.Common;
using Analytics.Reports.Quarterly;
using Analytics.Signals.Dora;
using Analytics.Signals.Series;

namespace Analytics.Reports.Tests.Quarterly;

public sealed class MaturityScoringTests
{
    // "At most" check: managed ≤ 30%, defined ≤ 15%, optimising ≤ 5%.
    private static readonly MaturityCheck FailureRate = Check("failure", SignalUnit.Ratio, Comparison.AtMost, (MaturityLevel.Managed, 0.30), (MaturityLevel.Defined, 0.15), (MaturityLevel.Optimising, 0.05));

    // "At least" check with no optimising threshold: managed ≥ 2, defined ≥ 3.
    private static readonly MaturityCheck TruckFactor = Check("truck", SignalUnit.Count, Comparison.AtLeast, (MaturityLevel.Managed, 2), (MaturityLevel.Defined, 3));

    private static readonly Capability Testing = new("testing", "Testing", "d", ValueList.Of("i", "m", "d", "o"), ValueList.Of(FailureRate, TruckFactor));

    internal static MaturityCheck Check(string name, SignalUnit unit, Comparison comparison, params (MaturityLevel Level, double Value)[] thresholds) =>
        new(name, "ci.failure_rate", unit, ValueList<LabelMatcher>.Empty, CheckAggregation.Quarter, SeriesCombination.Worst, comparison,
            ValueList.From(thresholds.Select(t => new LevelThreshold(t.Level, t.Value))), null, "why", "where");

    private static Dictionary<MaturityCheck, double?> Values(double? failure, double? truck) => new() { [FailureRate] = failure, [TruckFactor] = truck };

    [Theory]
    [InlineData(0.31, MaturityLevel.Initial)]    // above 30%: misses managed
    [InlineData(0.30, MaturityLevel.Managed)]    // exactly 30%: "≤" includes the edge
    [InlineData(0.15, MaturityLevel.Defined)]    // exactly 15%
    [InlineData(0.0501, MaturityLevel.Defined)]  // just above 5%
    [InlineData(0.05, MaturityLevel.Optimising)] // exactly 5%
    public void Judge_AtMostBoundaries_HighestLevelReachedIncludesTheEdge(double value, MaturityLevel expected)
    {
        var result = MaturityScoring.Judge(FailureRate, value);

        result.Reached.Should().Be(expected);
    }

    [Theory]
    [InlineData(1, MaturityLevel.Initial)]
    [InlineData(2, MaturityLevel.Managed)]
    [InlineData(2.99, MaturityLevel.Managed)]
    [InlineData(3, MaturityLevel.Defined)]
    public void Judge_AtLeastBoundaries_HighestLevelReached(double value, MaturityLevel expected)
    {
        MaturityScoring.Judge(TruckFactor, value).Reached.Should().Be(expected);
    }

    [Fact]
    public void Judge_StrictComparisons_EdgeFails()
    {
        var below = Check("x", SignalUnit.Count, Comparison.Below, (MaturityLevel.Managed, 10));
        var above = Check("x", SignalUnit.Count, Comparison.Above, (MaturityLevel.Managed, 10));

        MaturityScoring.Judge(below, 10).Outcomes.Single().Status.Should().Be(CheckStatus.Fail);
        MaturityScoring.Judge(below, 9.99).Outcomes.Single().Status.Should().Be(CheckStatus.Pass);
        MaturityScoring.Judge(above, 10).Outcomes.Single().Status.Should().Be(CheckStatus.Fail);
        MaturityScoring.Judge(above, 10.01).Outcomes.Single().Status.Should().Be(CheckStatus.Pass);
    }

    [Fact]
    public void Judge_NoValue_EveryLevelNoDataNeverPassOrFail()
    {
        var result = MaturityScoring.Judge(FailureRate, null);

        result.Outcomes.Select(o => o.Status).Should().Equal(CheckStatus.NoData, CheckStatus.NoData, CheckStatus.NoData);
        result.Reached.Should().BeNull();
        result.FirstFailed.Should().BeNull();
    }

    [Theory]
    // failure 10% reaches defined, truck 3 reaches defined; optimising: failure fails (10% > 5%) → defined.
    [InlineData(0.10, 3.0, MaturityLevel.Defined)]
    // failure 4% would reach optimising, truck 3 has no optimising threshold → optimising (only failure constrains it).
    [InlineData(0.04, 3.0, MaturityLevel.Optimising)]
    // truck 2 fails defined → managed, although failure 4% passes every level: the lowest failure decides.
    [InlineData(0.04, 2.0, MaturityLevel.Managed)]
    // truck 1 fails managed → initial.
    [InlineData(0.04, 1.0, MaturityLevel.Initial)]
    public void Score_BothChecksHaveData_HighestLevelWithNoFailureAtOrBelow(double failure, double truck, MaturityLevel expected)
    {
        var score = MaturityScoring.Score(Testing, Values(failure, truck));

        score.Level.Should().Be(expected);
        score.Partial.Should().BeFalse();
    }

    [Fact]
    public void Score_OneCheckWithoutData_JudgedOnTheOtherAndMarkedPartial()
    {
        // Truck factor missing: failure 10% passes managed and defined, fails optimising → defined, partial.
        var score = MaturityScoring.Score(Testing, Values(0.10, null));

        score.Level.Should().Be(MaturityLevel.Defined);
        score.Partial.Should().BeTrue();
        score.Checks[1].Outcomes.Should().OnlyContain(o => o.Status == CheckStatus.NoData);
    }

    [Fact]
    public void Score_LevelWhoseOnlyCheckHasNoData_NotReached()
    {
        // Failure missing, truck factor 3: managed and defined pass on truck alone; optimising is constrained only by the
        // failure check, which has no data, so there is no evidence for it → defined.
        var score = MaturityScoring.Score(Testing, Values(null, 3));

        score.Level.Should().Be(MaturityLevel.Defined);
    }

    [Fact]
    public void Score_NoCheckHasData_NoLevel()
    {
        var score = MaturityScoring.Score(Testing, new Dictionary<MaturityCheck, double?>());

        score.Level.Should().BeNull();
        score.Checks.Should().OnlyContain(c => c.Value == null);
    }

    [Theory]
    // DORA 2023 lead time bands: elite < 1 day, high ≤ 1 week, medium ≤ 1 month (DoraBands.ForLeadTime).
    [InlineData(86_399, DoraBand.Elite, MaturityLevel.Optimising)]
    [InlineData(86_400, DoraBand.High, MaturityLevel.Defined)]       // exactly 1 day is no longer elite
    [InlineData(604_800, DoraBand.High, MaturityLevel.Defined)]      // exactly 7 days is still high
    [InlineData(604_801, DoraBand.Medium, MaturityLevel.Managed)]
    [InlineData(2_592_001, DoraBand.Low, MaturityLevel.Initial)]     // over 30 days
    public void Judge_DoraLeadTime_LevelIsTheBand(double seconds, DoraBand band, MaturityLevel expected)
    {
        var check = MaturityModel.Default.AllChecks.Single(c => c.Dora == DoraMetric.LeadTime);

        var result = MaturityScoring.Judge(check, seconds);

        result.Band.Should().Be(band);
        result.Reached.Should().Be(expected);
    }

    [Theory]
    // Deployments per week: elite ≥ 7, high ≥ 1, medium ≥ 0.25 (DoraBands.ForDeploymentFrequency).
    [InlineData(7, MaturityLevel.Optimising)]
    [InlineData(6.99, MaturityLevel.Defined)]
    [InlineData(0.25, MaturityLevel.Managed)]
    [InlineData(0.24, MaturityLevel.Initial)]
    public void Judge_DoraDeploymentFrequency_LevelIsTheBand(double perWeek, MaturityLevel expected)
    {
        var check = MaturityModel.Default.AllChecks.Single(c => c.Dora == DoraMetric.DeploymentFrequency);

        MaturityScoring.Judge(check, perWeek).Reached.Should().Be(expected);
    }
}
