namespace Analytics.Rules.Language;

/// <summary>An expression that type-checked cannot be evaluated on the data at hand (two series share one match key).</summary>
public sealed class EvaluationException(int offset, string message) : Exception(message)
{
    /// <summary>Where in the expression.</summary>
    public int Offset { get; } = offset;
}
