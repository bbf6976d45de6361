using Analytics.Rules.Files;

namespace Analytics.Rules.Alerts;

/// <summary>One rule's result at one evaluation.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Active">The label sets for which the condition holds; empty when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the rule could not be evaluated (its alert state is then left as it was); null on success.</param>
public sealed record RuleOutcome(AlertRule Rule, IReadOnlyList<ActiveAlert> Active, string? Error);
