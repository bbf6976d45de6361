namespace Analytics.Storage;

/// <summary>One condition of a <see cref="StoreQuery"/>.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Operator">How the column compares to the value.</param>
/// <param name="Value">The value, of the column's .NET type.</param>
public sealed record StoreFilter(string Column, StoreFilterOperator Operator, object Value);
