namespace Analytics.Rules.Language;

/// <summary>A parsed expression, or the syntax error that stopped parsing.</summary>
/// <param name="Expression">The expression; null when <see cref="Error"/> is set.</param>
/// <param name="Error">The first syntax error; null on success.</param>
public sealed record ParseResult(Expr? Expression, ExpressionError? Error);
