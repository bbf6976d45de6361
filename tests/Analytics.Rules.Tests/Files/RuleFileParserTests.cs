using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Rules.Tests.Language;
using Analytics.Testing.Files;

namespace Analytics.Rules.Tests.Files;

public sealed class RuleFileParserTests
{
    private static List<string> Errors(string text, SignalLabels? signals = null) =>
        RuleFileParser.Parse("rules/x.yaml", text, signals ?? SignalsForTests.Registry).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    [Fact]
    public void Parse_FullRule_LoadsEveryField()
    {
        var result = RuleFileParser.Parse("x.yaml", """
            groups:
              - name: review
                interval: 30m
                window: 1d
                rules:
                  - alert: Slow
                    expr: avg_over(a{team="pay"}, 7d) > 2d
                    for: 1h30m
                    severity: critical
                    repeat_interval: 4h
                    group_by: [team, area]
                    labels: { area: review }
                    annotations:
                      summary: "{{ $labels.team }}: {{ $value | duration }}"
                    routing:
                      email: { pay: [a@example.com, b@example.com], default: [c@example.com] }
                      webhooks: [https://example.com/hook]
                      slack: [https://hooks.slack.com/services/T/B/X]
            """, SignalsForTests.Registry);

        result.Diagnostics.Should().BeEmpty();
        var group = result.Groups.Single();
        group.Interval.Should().Be(TimeSpan.FromMinutes(30));
        group.Granularity.Should().Be(Signals.Series.Granularity.Day);
        var rule = group.Rules.Single();
        rule.For.Should().Be(TimeSpan.FromMinutes(90));
        rule.Severity.Should().Be(Domain.Alerts.AlertSeverity.Critical);
        rule.RepeatInterval.Should().Be(TimeSpan.FromHours(4));
        rule.GroupBy.Should().Equal("team", "area");
        rule.Labels.Should().ContainKey("area");
        rule.Routing.ChannelsFor("pay").Should().Equal(("email", "a@example.com,b@example.com"), ("webhook", "https://example.com/hook"), ("slack", "https://hooks.slack.com/services/T/B/X"));
        rule.Routing.ChannelsFor("search").First().Should().Be(("email", "c@example.com"));
        rule.Line.Should().Be(6);
    }

    [Fact]
    public void Parse_ExpressionErrors_PointAtFileLineAndColumn()
    {
        var errors = Errors("""
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: per_persn{team="x"} > 3
                    severity: warning
                  - alert: B
                    expr: a{teem="x"} > 1
                    severity: warning
            """);

        errors.Should().Equal(
            "rules/x.yaml:5:15: unknown signal 'per_persn'; did you mean 'per_person'?",
            "rules/x.yaml:8:17: signal 'a' has no label 'teem'; did you mean 'team'? (its labels: team)");
    }

    [Fact]
    public void Parse_ErrorInABlockScalar_PointsIntoTheRightLine()
    {
        var errors = Errors("""
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: |
                      avg_over(a, 4w)
                        > 2 and 1 1
                    severity: warning
            """);

        // Line 7 is 12 spaces and "> 2 and 1 1" (the block's indentation is 10, plus 2 kept): the second '1' is at column 23.
        errors.Should().Equal("rules/x.yaml:7:23: unexpected '1' after a complete expression");
    }

    [Fact]
    public void Parse_FieldErrors_NameTheKeyAndSuggest()
    {
        var errors = Errors("""
            groups:
              - name: g
                windw: 1w
                rules:
                  - alert: A
                    expr: a > 1
                    severity: warnin
                    for: 10 minutes
                    labels: { severity: high }
                    annotations: { summary: "{{ $labels.teem }}" }
                  - alert: B
                    expr: a
                    severity: info
            """);

        errors.Should().Contain(e => e.StartsWith("rules/x.yaml:3:5: unknown key 'windw' in a group; did you mean 'window'?", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("rules/x.yaml:7:19: unknown severity 'warnin'; did you mean 'warning'?", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("rules/x.yaml:8:14: 'for': '10 minutes' is not a duration", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("label 'severity' is set by the rule itself"));
        errors.Should().Contain(e => e.Contains("reads label 'teem', which this rule's alerts do not carry; did you mean 'team'?"));
        errors.Should().Contain("rules/x.yaml:12:15: the expression must be a condition, such as 'a > 0', not a series");
    }

    [Fact]
    public void Parse_BrokenRule_LeavesTheOthersLoaded()
    {
        var result = RuleFileParser.Parse("x.yaml", """
            groups:
              - name: g
                rules:
                  - alert: Broken
                    expr: a >
                    severity: warning
                  - alert: Fine
                    expr: a > 1
                    severity: warning
            """, SignalsForTests.Registry);

        result.Groups.Single().Rules.Select(r => r.Name).Should().Equal("Fine");
        result.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error && d.Line == 5);
    }

    [Fact]
    public void Load_BrokenFileInAFolder_OtherFilesStillLoad()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "a.yaml"), "groups:\n  - name: [\n");
        File.WriteAllText(Path.Combine(folder.Path, "b.yaml"), "groups:\n  - name: g\n    rules:\n      - alert: Fine\n        expr: a > 1\n        severity: info\n");
        File.WriteAllText(Path.Combine(folder.Path, "b.test.yaml"), "not: a rule file");

        var rules = RuleSet.Load(folder.Path, SignalsForTests.Registry);

        rules.Files.Select(Path.GetFileName).Should().Equal("a.yaml", "b.yaml");
        rules.Rules.Select(r => r.Name).Should().Equal("Fine");
        rules.Diagnostics.Should().ContainSingle(d => d.Severity == DiagnosticSeverity.Error)
            .Which.ToString().Should().MatchRegex(@"a\.yaml:3:1: invalid YAML");
    }

    [Fact]
    public void Load_SameAlertNameInTwoGroups_IsAnError()
    {
        using var folder = new TempDirectory();
        const string rule = "    rules:\n      - alert: Same\n        expr: a > 1\n        severity: info\n";
        File.WriteAllText(Path.Combine(folder.Path, "a.yaml"), "groups:\n  - name: one\n" + rule);
        File.WriteAllText(Path.Combine(folder.Path, "b.yaml"), "groups:\n  - name: two\n" + rule);

        var rules = RuleSet.Load(folder.Path, SignalsForTests.Registry);

        rules.Rules.Should().ContainSingle();
        rules.Diagnostics.Should().Contain(d => d.Message.Contains("alert names must be unique"));
    }
}
