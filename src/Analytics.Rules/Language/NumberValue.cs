namespace Analytics.Rules.Language;

/// <summary>One number.</summary>
/// <param name="Number">The number.</param>
public sealed record NumberValue(double Number) : Value;
