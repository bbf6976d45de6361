using Analytics.Rules.Language;

namespace Analytics.Rules.Tests.Language;

public sealed class TypeCheckerTests
{
    [Theory]
    [InlineData("a > 1", ValueKind.Condition)]
    [InlineData("a", ValueKind.Series)]
    [InlineData("a + b", ValueKind.Vector)]
    [InlineData("1 + 2 > 2", ValueKind.Bool)]
    [InlineData("significant(a, 4w)", ValueKind.Condition)]
    [InlineData("avg_over(a, 4w) > baseline(a, 4w) and not a > 3", ValueKind.Condition)]
    [InlineData("abs(change(a, 4w))", ValueKind.Vector)]
    public void Check_WellTypedExpression_HasItsKind(string text, ValueKind kind)
    {
        var result = SignalsForTests.Check(text);

        result.Errors.Should().BeEmpty();
        result.Type!.Kind.Should().Be(kind);
    }

    [Fact]
    public void Check_UnknownSignal_SuggestsTheClosest()
    {
        var result = SignalsForTests.Check("per_persn > 1");

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("unknown signal 'per_persn'; did you mean 'per_person'?");
    }

    [Fact]
    public void Check_UnknownLabel_PointsAtTheMatcher()
    {
        var result = SignalsForTests.Check("a{teem=\"x\"} > 1");

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Offset.Should().Be(2);
        error.Message.Should().Contain("no label 'teem'; did you mean 'team'?");
    }

    [Fact]
    public void Check_UndeclaredLabels_WarnButLoad()
    {
        var result = SignalsForTests.Check("loose{anything=\"x\"} > 1");

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().ContainSingle().Which.Message.Should().Contain("no declared labels");
    }

    [Theory]
    [InlineData("avg_over(a, 10d) > 1", "not a whole number of this group's 1w windows")]
    [InlineData("avg_over(a, 4) > 1", "a range must be a duration")]
    [InlineData("avg_over(a) > 1", "takes 2 arguments")]
    [InlineData("quantile_over(2, a, 4w) > 1", "a number from 0 to 1")]
    [InlineData("last(1) > 1", "must be a signal's series")]
    [InlineData("a > 1 and 2", "'and' combines conditions")]
    [InlineData("not a", "'not' needs a condition")]
    [InlineData("(a > 1) + 1 > 0", "needs numbers or vectors")]
    [InlineData("per_person + per_repo > 1", "cannot match {person, team} with {repository, team}")]
    [InlineData("avgover(a, 4w) > 1", "unknown function 'avgover'; did you mean 'avg_over'?")]
    [InlineData("a(1) > 1", "'a' is a signal")]
    [InlineData("last > 1", "'last' is a function")]
    [InlineData("median by (tem) (a) > 1", "no label 'tem'")]
    public void Check_IllTypedExpression_ReportsWhy(string text, string message) =>
        SignalsForTests.Check(text).Errors.Should().Contain(e => e.Message.Contains(message));

    [Fact]
    public void Check_DailyWindows_AcceptDayRanges()
    {
        SignalsForTests.Check("avg_over(a, 10d) > 1", windowDays: 1).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Check_Ranges_ReportTheLongestAndTheSignalsRead()
    {
        var result = SignalsForTests.Check("avg_over(a, 4w) > baseline(b, 8w)");

        result.LongestRange.Should().Be(TimeSpan.FromDays(56));
        result.Signals.Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public void Check_PerPersonAgainstTeamMedian_KeepsTheWiderLabels()
    {
        var result = SignalsForTests.Check("per_person > 3 * median by (team) (per_person)");

        result.Type!.Labels.Should().BeEquivalentTo("team", "person");
    }
}
