using Analytics.Rules.Language;

namespace Analytics.Rules.Tests.Language;

public sealed class ParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("(1 + 2) * 3", "((1 + 2) * 3)")]
    [InlineData("1 - 2 - 3", "((1 - 2) - 3)")]
    [InlineData("8 / 4 / 2", "((8 / 4) / 2)")]
    [InlineData("-2 * 3", "((-2) * 3)")]
    [InlineData("a > 1 and b < 2 or c == 3", "(((a > 1) and (b < 2)) or (c == 3))")]
    [InlineData("a > 1 or b > 2 and c > 3", "((a > 1) or ((b > 2) and (c > 3)))")]
    [InlineData("not a > 1 and b > 2", "((not (a > 1)) and (b > 2))")]
    [InlineData("a + 1 >= b * 2", "((a + 1) >= (b * 2))")]
    [InlineData("true and not false", "(true and (not false))")]
    public void Parse_Operators_FollowPrecedenceAndAssociativity(string text, string expected) =>
        AstText.Parse(text).Should().Be(expected);

    [Fact]
    public void Parse_LiteralsWithUnits_AreNumbersInBaseUnits()
    {
        // 5% is 0.05; durations are seconds: 10m = 600, 2d = 172800, 1h30m = 5400.
        AstText.Parse("5% + 10m + 2d + 1h30m + 1.5e2").Should().Be("((((0.05 + 600) + 172800) + 5400) + 150)");
    }

    [Fact]
    public void Parse_SelectorWithMatchers_KeepsSignalAndMatchers()
    {
        var parsed = (SelectorExpr)Parser.Parse("review.top_reviewer_share{team=~\"pay.*\", person!=\"bot\", repo!~\"x|y\", q=\"0.9\"}").Expression!;

        parsed.Signal.Should().Be("review.top_reviewer_share");
        parsed.Matchers.Select(m => m.Operator).Should().Equal(MatchOperator.Regex, MatchOperator.NotEqual, MatchOperator.NotRegex, MatchOperator.Equal);
        parsed.Matchers[0].Matches("payments").Should().BeTrue();
        parsed.Matchers[0].Matches("repay").Should().BeFalse("regular expressions are anchored, as in PromQL");
        parsed.Matchers[2].Matches("x").Should().BeFalse();
        parsed.Matchers[2].Matches("xy").Should().BeTrue();
    }

    [Fact]
    public void Parse_CallsAndAggregations_BuildTheirNodes()
    {
        AstText.Parse("quantile_over(0.9, ci.run_duration{quantile=\"0.9\"}, 28d)")
            .Should().Be("quantile_over(0.9, ci.run_duration{quantile=\"0.9\"}, 2419200)");
        AstText.Parse("review.reviews > 3 * median by (team) (last(review.reviews))")
            .Should().Be("(review.reviews > (3 * median by (team) (last(review.reviews))))");
        AstText.Parse("sum(pr.merged)").Should().Be("sum by () (pr.merged)");
    }

    [Theory]
    [InlineData("1 +", 3, "the expression ends too early")]
    [InlineData("a > 1 > 2", 6, "comparisons do not chain")]
    [InlineData("a{team='x'}", 7, "double quotes")]
    [InlineData("a{team=\"x}", 7, "unterminated string")]
    [InlineData("a{team=~\"(\"}", 8, "invalid regular expression")]
    [InlineData("a{team ~ \"x\"}", 7, "unexpected character '~'")]
    [InlineData("avg_over(a, 4 weeks)", 14, "expected ','")]
    [InlineData("(1 + 2", 6, "expected ')'")]
    [InlineData("a && b", 2, "write 'and', 'or'")]
    [InlineData("a b", 2, "after a complete expression")]
    [InlineData("", 0, "empty")]
    [InlineData("10x", 0, "malformed duration")]
    public void Parse_SyntaxError_ReportsOffsetAndMessage(string text, int offset, string message)
    {
        var result = Parser.Parse(text);

        result.Expression.Should().BeNull();
        result.Error!.Offset.Should().Be(offset);
        result.Error.Message.Should().Contain(message);
    }

    [Fact]
    public void ParseMatchers_SilenceMatchers_ParseAndMatch()
    {
        var (matchers, error) = Parser.ParseMatchers("{team=\"payments\", alertname=~\"Stale.*\"}");

        error.Should().BeNull();
        matchers!.Should().HaveCount(2);
        Parser.ParseMatchers("{team=}").Error.Should().NotBeNull();
    }
}
