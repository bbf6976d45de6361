namespace Analytics.Rules.Language;

/// <summary>What the type checker found out about an expression.</summary>
/// <param name="Type">Its type; null when it has errors.</param>
/// <param name="Errors">Type errors, unknown signals, labels and functions.</param>
/// <param name="Warnings">Things that load but deserve a look (signals whose labels are not declared).</param>
/// <param name="Signals">The signals it reads.</param>
/// <param name="LongestRange">The longest range it looks back over (one window for <c>last</c>); decides how much history to compute.</param>
public sealed record CheckResult(
    ExprType? Type,
    IReadOnlyList<ExpressionError> Errors,
    IReadOnlyList<ExpressionError> Warnings,
    IReadOnlySet<string> Signals,
    TimeSpan LongestRange);
