namespace Analytics.Rules.Language;

/// <summary>An infix operator and its operands.</summary>
/// <param name="Offset">Where the operator is (errors about the operation point at it).</param>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record BinaryExpr(int Offset, BinaryOperator Operator, Expr Left, Expr Right) : Expr(Offset)
{
    /// <summary>Whether the operator compares.</summary>
    public bool IsComparison => Operator is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual;

    /// <summary>Whether the operator is arithmetic.</summary>
    public bool IsArithmetic => Operator >= BinaryOperator.Add;
}
