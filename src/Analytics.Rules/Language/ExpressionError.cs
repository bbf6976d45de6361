namespace Analytics.Rules.Language;

/// <summary>A problem in an expression, at a character offset; the loader turns the offset into file, line and column.</summary>
/// <param name="Offset">The 0-based character offset in the expression.</param>
/// <param name="Message">What is wrong, and what to write instead when that is clear.</param>
public sealed record ExpressionError(int Offset, string Message);
