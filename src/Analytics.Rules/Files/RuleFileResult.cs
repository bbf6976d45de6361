namespace Analytics.Rules.Files;

/// <summary>What one rule file gave: its groups (with the rules that loaded) and its problems.</summary>
/// <param name="Groups">The groups.</param>
/// <param name="Diagnostics">The problems.</param>
public sealed record RuleFileResult(IReadOnlyList<RuleGroup> Groups, IReadOnlyList<RuleDiagnostic> Diagnostics);
