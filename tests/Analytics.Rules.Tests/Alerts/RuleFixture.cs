using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Rules.Tests.Language;

namespace Analytics.Rules.Tests.Alerts;

/// <summary>Rules written inline as YAML, loaded against the test signal registry (signals a and b, labelled by team).</summary>
internal static class RuleFixture
{
    public static RuleGroup Group(string rulesYaml, string window = "1w")
    {
        var text = $"groups:\n  - name: test\n    window: {window}\n    rules:\n{rulesYaml}";
        var result = RuleFileParser.Parse("test.yaml", text, SignalsForTests.Registry);
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        return result.Groups.Single();
    }

    /// <summary>A rule on signal a (above 10), pending for 'for', routed by e-mail per team and to a Slack hook.</summary>
    public static RuleGroup AboveTen(string forDuration = "2d", string repeat = "1d") => Group("""
              - alert: AboveTen
                expr: a > 10
                for: FOR
                severity: critical
                repeat_interval: REPEAT
                annotations:
                  summary: "{{ $labels.team }} is at {{ $value }}"
                routing:
                  email:
                    pay: [pay-leads@example.com]
                    default: [leads@example.com]
                  slack: [https://hooks.example.com/T1]
        """.Replace("FOR", forDuration, StringComparison.Ordinal).Replace("REPEAT", repeat, StringComparison.Ordinal));
}
