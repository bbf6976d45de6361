using Analytics.Rules.Language;
using Analytics.Rules.Testing;
using Analytics.Rules.Tests.Language;
using Analytics.Testing.Files;

namespace Analytics.Rules.Tests.Testing;

public sealed class RuleTestRunnerTests
{
    private const string Rules = """
        groups:
          - name: g
            rules:
              - alert: AboveTen
                expr: a > 10
                for: 1w
                severity: warning
                annotations:
                  summary: "{{ $labels.team }} at {{ $value }}"
        """;

    private static RuleTestRun Run(string test)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine("g.yaml"), Rules);
        File.WriteAllText(folder.Combine("g.test.yaml"), test);
        return RuleTestRunner.RunAll(folder.Path, SignalsForTests.Registry);
    }

    [Fact]
    public void Run_ExpectationsThatHold_Pass()
    {
        var run = Run("""
            rule_files: [g.yaml]
            tests:
              - name: fires after a week
                input_series:
                  - series: 'a{team="pay"}'
                    values: "5 11+1x2"
                alert_rule_test:
                  - eval_time: 2w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay }
                        exp_state: pending
                  - eval_time: 3w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay, severity: warning }
                        exp_annotations: { summary: pay at 12 }
            """);

        run.Diagnostics.Should().OnlyContain(d => d.Severity == Analytics.Rules.Files.DiagnosticSeverity.Warning);
        run.Results.Should().ContainSingle().Which.Failures.Should().BeEmpty();
        run.Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_WrongExpectations_ReportEachMismatch()
    {
        var run = Run("""
            rule_files: [g.yaml]
            tests:
              - name: wrong
                input_series:
                  - series: 'a{team="pay"}'
                    values: "5 11 12 13"
                  - series: 'a{team="search"}'
                    values: "50x3"
                alert_rule_test:
                  - eval_time: 2w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay }
                  - eval_time: 3w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay }
                        exp_annotations: { summary: pay at 99 }
                  - eval_time: 3w
                    alertname: AboveTwenty
                    exp_alerts: []
            """);

        run.Passed.Should().BeFalse();
        run.Results.Single().Failures.Should().BeEquivalentTo(
            "alert 'AboveTwenty' is not defined in the rule files; did you mean 'AboveTen'?");

        var second = Run("""
            rule_files: [g.yaml]
            tests:
              - name: wrong
                input_series:
                  - series: 'a{team="pay"}'
                    values: "5 11 12 13"
                  - series: 'a{team="search"}'
                    values: "50x3"
                alert_rule_test:
                  - eval_time: 2w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay }
                  - eval_time: 3w
                    alertname: AboveTen
                    exp_alerts:
                      - exp_labels: { team: pay }
                        exp_annotations: { summary: pay at 99 }
            """);

        second.Results.Single().Failures.Should().BeEquivalentTo(
            "eval_time 2w, alert AboveTen {team=\"pay\"}: expected firing, got pending",
            "eval_time 2w, alert AboveTen: unexpected firing {team=\"search\"}",
            "eval_time 3w, alert AboveTen {team=\"pay\"}: annotation summary: expected \"pay at 99\", got \"pay at 12\"",
            "eval_time 3w, alert AboveTen: unexpected firing {team=\"search\"}");
    }

    [Fact]
    public void Run_MalformedTestFile_IsReportedWithPositions()
    {
        var run = Run("""
            rule_files: [g.yaml, missing.yaml]
            tests:
              - name: bad
                input_series:
                  - series: 'b_signal{team="pay"}'
                    values: "1 two"
                alert_rule_test:
                  - eval_time: 1w
                    alertname: AboveTen
                    exp_alerts: []
            """);

        run.Passed.Should().BeFalse();
        run.Diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains("rule file 'missing.yaml' not found"));
        run.Diagnostics.Should().Contain(d => d.Line == 5 && d.Message.Contains("unknown signal 'b_signal'"));
    }

    [Theory]
    [InlineData("1 2 3", new double[] { 1, 2, 3 })]
    [InlineData("1+2x3", new double[] { 1, 3, 5, 7 })]
    [InlineData("10-1x2 4", new double[] { 10, 9, 8, 4 })]
    [InlineData("7x2", new double[] { 7, 7, 7 })]
    public void Expand_Notation_GivesTheValues(string text, double[] expected) =>
        SeriesValues.Expand(text).Values.Should().Equal(expected.Select(v => (double?)v));

    [Fact]
    public void Expand_Gaps_AreMissingValues()
    {
        SeriesValues.Expand("1 _ _x1").Values.Should().Equal(1, null, null, null);
        SeriesValues.Expand("1 x").Error.Should().NotBeNull();
    }

    [Fact]
    public void DefaultPack_EveryRuleHasATestAndAllPass()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "rules");

        var run = RuleTestRunner.RunAll(folder, SignalLabels.Catalog);

        run.Diagnostics.Should().BeEmpty();
        run.Results.Should().NotBeEmpty().And.OnlyContain(r => r.Passed);
        var rules = Analytics.Rules.Files.RuleSet.Load(folder, SignalLabels.Catalog);
        rules.Diagnostics.Should().BeEmpty();
        var tested = string.Concat(Directory.GetFiles(folder, "*.test.yaml").Select(File.ReadAllText));
        rules.Rules.Should().HaveCountGreaterThanOrEqualTo(11);
        rules.Rules.Select(r => r.Name).Where(name => !tested.Contains("alertname: " + name, StringComparison.Ordinal))
            .Should().BeEmpty("each default rule has tests");
    }
}
