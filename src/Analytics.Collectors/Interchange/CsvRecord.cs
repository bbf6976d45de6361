namespace Analytics.Collectors.Interchange;

/// <summary>One CSV record.</summary>
/// <param name="Line">The 1-based line it starts on.</param>
/// <param name="Fields">Its fields, unquoted.</param>
internal sealed record CsvRecord(long Line, IReadOnlyList<string> Fields);
