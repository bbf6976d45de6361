namespace Analytics.Rules.Testing;

/// <summary>One <c>alert_rule_test</c> entry: at an evaluation time, the alerts one rule should have.</summary>
/// <param name="At">The evaluation time, as an offset from the test's start.</param>
/// <param name="AlertName">The rule.</param>
/// <param name="Expected">The alerts expected pending or firing (none: the rule should have no active alert).</param>
internal sealed record TestCase(TimeSpan At, string AlertName, IReadOnlyList<ExpectedAlert> Expected);
