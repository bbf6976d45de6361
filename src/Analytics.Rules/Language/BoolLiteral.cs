namespace Analytics.Rules.Language;

/// <summary><c>true</c> or <c>false</c>.</summary>
/// <param name="Offset">Where it starts.</param>
/// <param name="Value">Its value.</param>
public sealed record BoolLiteral(int Offset, bool Value) : Expr(Offset);
