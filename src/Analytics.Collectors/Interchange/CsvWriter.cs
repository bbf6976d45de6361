namespace Analytics.Collectors.Interchange;

/// <summary>Writes RFC 4180 CSV records, quoting only the fields that need it.</summary>
internal static class CsvWriter
{
    public static Task WriteRecordAsync(TextWriter output, IEnumerable<string> fields, CancellationToken cancellationToken) =>
        output.WriteLineAsync(string.Join(',', fields.Select(Quote)).AsMemory(), cancellationToken);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
