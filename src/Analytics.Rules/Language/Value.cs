namespace Analytics.Rules.Language;

/// <summary>The value of an evaluated expression: <see cref="NumberValue"/>, <see cref="BoolValue"/>, <see cref="SeriesSetValue"/> or <see cref="VectorValue"/>.</summary>
public abstract record Value;
