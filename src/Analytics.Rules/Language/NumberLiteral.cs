namespace Analytics.Rules.Language;

/// <summary>A number, a percentage (already divided by 100) or a duration (in seconds).</summary>
/// <param name="Offset">Where it starts.</param>
/// <param name="Value">Its value.</param>
/// <param name="Kind">How it was written: number, percentage or duration.</param>
/// <param name="Text">Its text as written.</param>
public sealed record NumberLiteral(int Offset, double Value, TokenKind Kind, string Text) : Expr(Offset);
