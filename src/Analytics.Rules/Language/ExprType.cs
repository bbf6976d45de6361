namespace Analytics.Rules.Language;

/// <summary>The static type of an expression: its kind and, for per-label-set kinds, the labels its results carry.</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="Labels">The label names of its results; null when not known (a signal without declared labels).</param>
public sealed record ExprType(ValueKind Kind, IReadOnlySet<string>? Labels)
{
    /// <summary>A number.</summary>
    public static ExprType Number { get; } = new(ValueKind.Number, null);

    /// <summary>A truth value.</summary>
    public static ExprType Bool { get; } = new(ValueKind.Bool, null);

    /// <summary>Whether it has one result per label set.</summary>
    public bool IsPerLabelSet => Kind is ValueKind.Series or ValueKind.Vector or ValueKind.Condition;

    /// <summary>How the type reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Number => "a number",
        ValueKind.Bool => "a truth value",
        ValueKind.Series => "a series",
        ValueKind.Vector => "a vector of numbers",
        _ => "a condition",
    };
}
