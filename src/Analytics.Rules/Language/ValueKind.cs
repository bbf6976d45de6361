namespace Analytics.Rules.Language;

/// <summary>The kinds of value an expression has (see "Types" in <c>docs/rules.md</c>).</summary>
public enum ValueKind
{
    /// <summary>One number (durations are numbers of seconds, percentages fractions).</summary>
    Number,

    /// <summary>One truth value.</summary>
    Bool,

    /// <summary>A signal's series: per label set, one value per window. Used as a number it means <c>last(s)</c>.</summary>
    Series,

    /// <summary>Per label set, one number (like a PromQL instant vector).</summary>
    Vector,

    /// <summary>Per label set, whether a condition holds, with the value compared: what an alert's <c>expr</c> yields.</summary>
    Condition,
}
