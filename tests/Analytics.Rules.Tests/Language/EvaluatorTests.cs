using Analytics.Rules.Language;
using Analytics.Signals.Series;

namespace Analytics.Rules.Tests.Language;

public sealed class EvaluatorTests
{
    private static IReadOnlyDictionary<string, double> Evaluate(string text, DateTimeOffset at, params Series[] series)
    {
        var parsed = Parser.Parse(text);
        parsed.Error.Should().BeNull();
        TypeChecker.Check(parsed.Expression!, SignalsForTests.Registry, TimeSpan.FromDays(7)).Errors.Should().BeEmpty();
        var context = new EvaluationContext(series.GroupBy(s => s.Signal).ToDictionary(g => g.Key, g => (IReadOnlyList<Series>)g.ToList()), at, TimeSpan.FromDays(7));
        return Evaluator.Evaluate(parsed.Expression!, context) switch
        {
            VectorValue v => v.Samples.Where(s => s.Holds).ToDictionary(s => s.Labels.ToString(), s => s.Value),
            NumberValue n => new Dictionary<string, double> { ["scalar"] = n.Number },
            BoolValue b => b.Truth ? new Dictionary<string, double> { ["scalar"] = 1 } : [],
            var other => throw new InvalidOperationException(other.ToString()),
        };
    }

    private static readonly Series Pay = SeriesBuilder.Weekly("a", "team=pay", 10, 12, 11, 13, 20);
    private static readonly Series Search = SeriesBuilder.Weekly("a", "team=search", 5, 5, 5, 5, 5);

    [Fact]
    public void Evaluate_Last_IsTheLatestCompleteWindow()
    {
        // At 3 weeks, windows 0–2 are complete: last = 11. Window 3 has not ended, so 13 is not seen yet.
        Evaluate("last(a)", SeriesBuilder.After(3), Pay).Should().Equal(new Dictionary<string, double> { ["{team=\"pay\"}"] = 11 });
        Evaluate("a + 0", SeriesBuilder.After(3).AddDays(6), Pay).Values.Should().Equal(11);
        Evaluate("a + 0", SeriesBuilder.After(5), Pay).Values.Should().Equal(20);
    }

    [Fact]
    public void Evaluate_RangeFunctions_UseTheLastWindowsOfTheRange()
    {
        var at = SeriesBuilder.After(5);
        // Last 2 windows: 13, 20 → mean 16.5, sum 33, min 13, max 20, 2 values.
        Evaluate("avg_over(a, 2w)", at, Pay).Values.Should().Equal(16.5);
        Evaluate("sum_over(a, 2w)", at, Pay).Values.Should().Equal(33);
        Evaluate("min_over(a, 2w)", at, Pay).Values.Should().Equal(13);
        Evaluate("max_over(a, 2w)", at, Pay).Values.Should().Equal(20);
        Evaluate("count_over(a, 2w)", at, Pay).Values.Should().Equal(2);
        // Type 7 quantile of 10, 12, 11, 13, 20 at 0.9: sorted 10 11 12 13 20, h = 0.9 × 4 = 3.6 → 13 + 0.6 × 7 = 17.2.
        Evaluate("quantile_over(0.9, a, 5w)", at, Pay).Values.Single().Should().BeApproximately(17.2, 1e-9);
    }

    [Fact]
    public void Evaluate_BaselineAndChange_CompareTheLastWindowWithTheOnesBefore()
    {
        var at = SeriesBuilder.After(5);
        // The 4 windows before the last: 10, 12, 11, 13 → median 11.5. Change (20 − 11.5) / 11.5 = 0.73913…
        Evaluate("baseline(a, 4w)", at, Pay).Values.Should().Equal(11.5);
        Evaluate("delta(a, 4w)", at, Pay).Values.Should().Equal(8.5);
        Evaluate("change(a, 4w)", at, Pay).Values.Single().Should().BeApproximately(8.5 / 11.5, 1e-12);
        Evaluate("change(a, 4w) > 50%", at, Pay, Search).Keys.Should().Equal("{team=\"pay\"}");
    }

    [Fact]
    public void Evaluate_Significant_NeedsAValueOutsideTheBaselineSpread()
    {
        var at = SeriesBuilder.After(5);
        // Baseline 10, 12, 11, 13: median 11.5, |deviations| 1.5 0.5 0.5 1.5 → MAD 1, σ ≈ 1.4826; 20 is 5.7σ out → significant.
        Evaluate("significant(a, 4w)", at, Pay).Keys.Should().Equal("{team=\"pay\"}");
        // 14 is outside the baseline but only 1.7σ from its median.
        Evaluate("significant(a, 4w)", at, SeriesBuilder.Weekly("a", "team=pay", 10, 12, 11, 13, 14)).Should().BeEmpty();
        // A constant baseline: any value outside it counts; the same value does not.
        Evaluate("significant(a, 4w)", at, Search).Should().BeEmpty();
        // Fewer than 3 baseline values: no verdict.
        Evaluate("significant(a, 4w)", at, SeriesBuilder.Weekly("a", "team=pay", null, null, 11, 13, 50)).Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_MissingValues_AreAbsentNotZero()
    {
        var gappy = SeriesBuilder.Weekly("a", "team=pay", 1, null);
        var at = SeriesBuilder.After(2);

        Evaluate("a > -1", at, gappy).Should().BeEmpty();
        Evaluate("not a > 5", at, gappy).Should().BeEmpty();
        Evaluate("avg_over(a, 2w)", at, gappy).Values.Should().Equal(1);
        Evaluate("a / 0 > 0", SeriesBuilder.After(1), gappy).Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_Matchers_SelectSeries()
    {
        var at = SeriesBuilder.After(5);
        Evaluate("a{team=~\"p.*\"} > 0", at, Pay, Search).Keys.Should().Equal("{team=\"pay\"}");
        Evaluate("a{team!=\"pay\"} > 0", at, Pay, Search).Keys.Should().Equal("{team=\"search\"}");
    }

    [Fact]
    public void Evaluate_PersonAgainstTeamMedian_MatchesOnTheSharedLabels()
    {
        var at = SeriesBuilder.After(1);
        var people = new[]
        {
            SeriesBuilder.Weekly("per_person", "team=pay,person=ana", 20),
            SeriesBuilder.Weekly("per_person", "team=pay,person=ben", 4),
            SeriesBuilder.Weekly("per_person", "team=pay,person=cy", 5),
            SeriesBuilder.Weekly("per_person", "team=search,person=di", 20),
            SeriesBuilder.Weekly("per_person", "team=search,person=eve", 18),
        };

        // pay: median(20, 4, 5) = 5, 20 > 2 × 5; search: median(20, 18) = 19, nobody above 38.
        var result = Evaluate("per_person > 2 * median by (team) (per_person)", at, people);

        result.Should().Equal(new Dictionary<string, double> { ["{person=\"ana\", team=\"pay\"}"] = 20 });
    }

    [Fact]
    public void Evaluate_AndOr_CombinePerLabelSet()
    {
        var at = SeriesBuilder.After(5);
        var b = new[] { SeriesBuilder.Weekly("b", "team=pay", 1), SeriesBuilder.Weekly("b", "team=search", 9) };

        Evaluate("a > 10 and b < 5", at, [Pay, Search, .. b]).Keys.Should().Equal("{team=\"pay\"}");
        Evaluate("a > 10 or b > 5", at, [Pay, Search, .. b]).Keys.Should().BeEquivalentTo("{team=\"pay\"}", "{team=\"search\"}");
        Evaluate("a > 10 and true", at, Pay, Search).Keys.Should().Equal("{team=\"pay\"}");
        Evaluate("not a > 10", at, Pay, Search).Keys.Should().Equal("{team=\"search\"}");
    }

    [Fact]
    public void Evaluate_ComparisonValue_IsTheSeriesSide()
    {
        var at = SeriesBuilder.After(5);
        Evaluate("a > 10", at, Pay).Values.Should().Equal(20);
        Evaluate("10 < a", at, Pay).Values.Should().Equal(20);
        Evaluate("sum(a) + 1", at, Pay, Search).Values.Should().Equal(26);
        Evaluate("count(a)", at, Pay, Search).Values.Should().Equal(2);
    }

    [Fact]
    public void Evaluate_PersonsAgainstTheirTeam_PairEachPersonWithTheTeamValue()
    {
        var at = SeriesBuilder.After(1);
        var context = new EvaluationContext(new Dictionary<string, IReadOnlyList<Series>>
        {
            ["a"] = [SeriesBuilder.Weekly("a", "team=pay", 1)],
            ["per_person"] = [SeriesBuilder.Weekly("per_person", "team=pay,person=ana", 2), SeriesBuilder.Weekly("per_person", "team=pay,person=ben", 0)],
        }, at, TimeSpan.FromDays(7));

        var result = (VectorValue)Evaluator.Evaluate(Parser.Parse("per_person > a").Expression!, context);

        result.Samples.Where(s => s.Holds).Select(s => s.Labels["person"]).Should().Equal("ana");
    }

    [Fact]
    public void Evaluate_TwoResultsWithOneMatchKey_Throws()
    {
        // 'loose' has undeclared labels, so the checker cannot reject the match; at run time two of its results share
        // the key team="pay" against per_repo, which would make the pairing ambiguous.
        var context = new EvaluationContext(new Dictionary<string, IReadOnlyList<Series>>
        {
            ["loose"] = [SeriesBuilder.Weekly("loose", "team=pay,x=1", 1), SeriesBuilder.Weekly("loose", "team=pay,x=2", 1)],
            ["per_repo"] = [SeriesBuilder.Weekly("per_repo", "team=pay,repository=r", 1)],
        }, SeriesBuilder.After(1), TimeSpan.FromDays(7));

        var act = () => Evaluator.Evaluate(Parser.Parse("loose > per_repo").Expression!, context);

        act.Should().Throw<EvaluationException>().WithMessage("two results share the labels {team=\"pay\"}*");
    }
}
