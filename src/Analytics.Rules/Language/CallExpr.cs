namespace Analytics.Rules.Language;

/// <summary>A function call: <c>avg_over(ci.run_duration, 4w)</c>.</summary>
/// <param name="Offset">Where the function's name starts.</param>
/// <param name="Function">The function's name.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record CallExpr(int Offset, string Function, IReadOnlyList<Expr> Arguments) : Expr(Offset);
