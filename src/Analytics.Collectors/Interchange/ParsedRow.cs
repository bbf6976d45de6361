namespace Analytics.Collectors.Interchange;

/// <summary>One row read from a file: its record, or the errors that kept it from being one.</summary>
/// <param name="Line">The 1-based line where it starts.</param>
/// <param name="Record">The record, when the row is valid.</param>
/// <param name="Errors">What is wrong with it; empty when valid.</param>
internal sealed record ParsedRow(long Line, object? Record, IReadOnlyList<RecordError> Errors);
