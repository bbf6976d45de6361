namespace Analytics.Rules.Language;

/// <summary>One truth value.</summary>
/// <param name="Truth">The truth value.</param>
public sealed record BoolValue(bool Truth) : Value;
