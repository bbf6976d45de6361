namespace Analytics.Rules.Language;

/// <summary>A prefix operator applied to an operand.</summary>
/// <param name="Offset">Where it starts.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">What it applies to.</param>
public sealed record UnaryExpr(int Offset, UnaryOperator Operator, Expr Operand) : Expr(Offset);
