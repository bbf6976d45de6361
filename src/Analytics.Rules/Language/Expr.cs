namespace Analytics.Rules.Language;

/// <summary>A node of a parsed expression.</summary>
/// <param name="Offset">Where the node starts in the expression text, for error messages.</param>
public abstract record Expr(int Offset);
