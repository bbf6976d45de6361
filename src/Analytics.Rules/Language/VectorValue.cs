namespace Analytics.Rules.Language;

/// <summary>One result per label set: numbers, or (when <see cref="IsCondition"/>) conditions with their compared value.</summary>
/// <param name="Samples">The results, one per label set; a label set without a value is absent.</param>
/// <param name="IsCondition">Whether the samples are conditions.</param>
public sealed record VectorValue(IReadOnlyList<Sample> Samples, bool IsCondition) : Value;
