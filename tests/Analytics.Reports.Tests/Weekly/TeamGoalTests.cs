using Analytics.Domain.Common;
using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;

namespace Analytics.Reports.Tests.Weekly;

public sealed class TeamGoalTests
{
    [Theory]
    [InlineData("pr.cycle_time", "< 2d", GoalComparison.Below, 172_800)]         // 2 × 86,400 s
    [InlineData("ci.run_duration.p90", "<= 15m", GoalComparison.AtMost, 900)]    // 15 × 60 s
    [InlineData("review.merged_without_review", "<=5%", GoalComparison.AtMost, 0.05)]
    [InlineData("dora.deployment_frequency", ">= 10", GoalComparison.AtLeast, 10)]
    [InlineData("review.load_gini", "> 0.2", GoalComparison.Above, 0.2)]
    public void TryParse_Goal_GivesComparisonAndTargetInTheMeasuresUnit(string metric, string text, GoalComparison comparison, double target)
    {
        TeamGoal.TryParse(metric, text, out var goal, out var error).Should().BeTrue(error);

        goal.Should().Be(new TeamGoal(metric, comparison, target, text.Trim()));
    }

    [Theory]
    [InlineData("pr.cycletime", "< 2d", "unknown measure 'pr.cycletime'", "did you mean 'pr.cycle_time'?")]
    [InlineData("pr.cycle_time", "2d", "must start with <, <=, > or >=", "\"< 2d\"")]
    [InlineData("pr.cycle_time", "< 5%", "'5%' is not a duration", "for pr.cycle_time")]
    [InlineData("review.merged_without_review", "< 0.05", "'0.05' is not a percentage", "\"<= 5%\"")]
    [InlineData("pr.merged", ">= many", "'many' is not a number", "\">= 10\"")]
    public void TryParse_BadGoal_SaysWhatIsWrong(string metric, string text, string expected, string alsoExpected)
    {
        TeamGoal.TryParse(metric, text, out var goal, out var error).Should().BeFalse();

        goal.Should().BeNull();
        error.Should().Contain(expected).And.Contain(alsoExpected);
    }

    [Theory]
    [InlineData(GoalComparison.Below, 10, false)]
    [InlineData(GoalComparison.AtMost, 10, true)]
    [InlineData(GoalComparison.Above, 10, false)]
    [InlineData(GoalComparison.AtLeast, 10, true)]
    [InlineData(GoalComparison.Below, 11, true)]
    public void IsMet_ValueOfTen_ComparesWithTarget(GoalComparison comparison, double target, bool met)
    {
        new TeamGoal("pr.merged", comparison, target, "x").IsMet(10).Should().Be(met);
    }

    [Fact]
    public void MetricSummary_GoalAndInterval_SayWhetherMetAndSignificant()
    {
        var goal = new TeamGoal("pr.cycle_time", GoalComparison.Below, 172_800, "< 2d");
        // This week 1 d (86,400 s) with interval [0.8 d, 1.3 d]; baseline 2 d lies outside it: significant, and below the goal.
        var metric = new MetricSummary("Cycle", "pr.cycle_time{}", 86_400, 172_800, ValueFormat.Duration, ValueList.Of<double?>(172_800, 86_400))
        {
            Goal = goal,
            Low = 69_120,
            High = 112_320,
        };

        metric.GoalMet.Should().BeTrue();
        metric.Significant.Should().BeTrue();
        (metric with { High = 180_000 }).Significant.Should().BeFalse();
        (metric with { Low = null, High = null }).Significant.Should().BeNull();
        (metric with { ThisWeek = null }).GoalMet.Should().BeNull();
        MetricText.Change(metric).Should().Be("▼ 50% (significant)");
        MetricText.Goal(metric).Should().Be("✓ met (< 2d)");
    }
}
