using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>One label set's result in a vector.</summary>
/// <param name="Labels">The label set.</param>
/// <param name="Value">Its number (for a condition: the value that was compared, as <c>$value</c> in templates).</param>
/// <param name="Holds">For a condition, whether it holds; always true in a vector of numbers.</param>
public readonly record struct Sample(Labels Labels, double Value, bool Holds);
