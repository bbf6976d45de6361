namespace Analytics.Rules.Language;

/// <summary>A signal's series filtered by label matchers: <c>review.top_reviewer_share{team=~"pay.*"}</c>.</summary>
/// <param name="Offset">Where it starts.</param>
/// <param name="Signal">The signal's name.</param>
/// <param name="Matchers">The label matchers, all of which must hold.</param>
public sealed record SelectorExpr(int Offset, string Signal, IReadOnlyList<LabelMatcher> Matchers) : Expr(Offset);
