using Analytics.Rules.Files;

namespace Analytics.Rules.Testing;

/// <summary>What running rule test files gave: each test's result, and the problems that kept files or tests from running.</summary>
/// <param name="Results">One result per test case run.</param>
/// <param name="Diagnostics">Problems in test files or the rule files they load.</param>
public sealed record RuleTestRun(IReadOnlyList<RuleTestResult> Results, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    /// <summary>Whether everything ran and passed.</summary>
    public bool Passed => Results.All(r => r.Passed) && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
