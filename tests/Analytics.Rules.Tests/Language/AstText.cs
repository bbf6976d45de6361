using System.Globalization;
using Analytics.Rules.Language;

namespace Analytics.Rules.Tests.Language;

/// <summary>Writes an expression fully parenthesised, so tests can state the tree the parser built.</summary>
internal static class AstText
{
    public static string Of(Expr expression) => expression switch
    {
        NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
        BoolLiteral b => b.Value ? "true" : "false",
        SelectorExpr s => s.Signal + (s.Matchers.Count == 0 ? "" : "{" + string.Join(",", s.Matchers) + "}"),
        UnaryExpr u => $"({(u.Operator == UnaryOperator.Not ? "not " : "-")}{Of(u.Operand)})",
        BinaryExpr b => $"({Of(b.Left)} {TypeChecker.Symbol(b.Operator)} {Of(b.Right)})",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Of))})",
        AggregateExpr a => $"{a.Aggregator} by ({string.Join(",", a.By)}) ({Of(a.Operand)})",
        _ => throw new InvalidOperationException(),
    };

    public static string Parse(string text)
    {
        var result = Parser.Parse(text);
        result.Error.Should().BeNull();
        return Of(result.Expression!);
    }
}
