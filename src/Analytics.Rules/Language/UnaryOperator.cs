namespace Analytics.Rules.Language;

/// <summary>A prefix operator.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c>.</summary>
    Negate,

    /// <summary><c>not c</c>.</summary>
    Not,
}
