namespace Analytics.Rules.Language;

/// <summary>An aggregation across series: <c>median by (team) (last(review.reviews))</c>.</summary>
/// <param name="Offset">Where the aggregator's name starts.</param>
/// <param name="Aggregator">sum, avg, min, max, median or count.</param>
/// <param name="By">The labels kept; the others are aggregated away (none: one result).</param>
/// <param name="Operand">What is aggregated.</param>
public sealed record AggregateExpr(int Offset, string Aggregator, IReadOnlyList<string> By, Expr Operand) : Expr(Offset);
