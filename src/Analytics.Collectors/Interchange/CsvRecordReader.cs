using System.Runtime.CompilerServices;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>
/// Reads CSV rows of an entity, streaming. The header names the fields (in any order); unknown fields and missing
/// required fields are errors of line 1; an empty cell is an empty value.
/// </summary>
internal static class CsvRecordReader
{
    public static async IAsyncEnumerable<ParsedRow> ReadAsync(
        EntityMap map,
        string file,
        TextReader text,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new CsvReader(text);
        CsvRecord? headerRecord;
        string? malformedHeader = null;
        try
        {
            headerRecord = await reader.ReadAsync(cancellationToken);
        }
        catch (FormatException e)
        {
            headerRecord = null;
            malformedHeader = e.Message;
        }

        if (malformedHeader is not null)
        {
            yield return FileError(file, 1, $"malformed CSV: {malformedHeader}");
            yield break;
        }

        if (headerRecord is null)
        {
            yield return FileError(file, 1, "the file is empty: a CSV file starts with a header row of field names");
            yield break;
        }

        var header = headerRecord.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var positions = new int[map.Columns.Count];
        var headerErrors = new List<RecordError>();
        for (var i = 0; i < map.Columns.Count; i++)
        {
            positions[i] = Array.FindIndex(header, h => string.Equals(h, map.Columns[i].Name, StringComparison.OrdinalIgnoreCase));
            if (positions[i] < 0 && !map.Columns[i].IsNullable)
            {
                headerErrors.Add(new RecordError(file, headerRecord.Line, map.Columns[i].Name, "required field is missing from the header"));
            }
        }

        foreach (var name in header.Where(h => map.IndexOf(h.ToLowerInvariant()) < 0))
        {
            headerErrors.Add(new RecordError(file, headerRecord.Line, null, RowBuilder.UnknownField(map, name)));
        }

        if (headerErrors.Count > 0)
        {
            yield return new ParsedRow(headerRecord.Line, null, headerErrors);
            yield break;
        }

        while (true)
        {
            CsvRecord? record;
            ParsedRow? malformed = null;
            try
            {
                record = await reader.ReadAsync(cancellationToken);
            }
            catch (FormatException e)
            {
                record = null;
                malformed = FileError(file, LineOf(e.Message), $"malformed CSV: {e.Message}");
            }

            if (malformed is not null)
            {
                yield return malformed;
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            if (record.Fields.Count != header.Length)
            {
                yield return FileError(file, record.Line, $"the row has {record.Fields.Count} fields but the header has {header.Length}");
                continue;
            }

            yield return RowBuilder.Build(map, file, record.Line, (Column column, out object? value, out string? error) =>
            {
                var position = positions[map.IndexOf(column.Name)];
                return ColumnText.TryParse(column, position < 0 ? null : record.Fields[position], out value, out error);
            });
        }
    }

    private static long LineOf(string message) =>
        message.StartsWith("line ", StringComparison.Ordinal) && long.TryParse(message.AsSpan(5, message.IndexOf(':', StringComparison.Ordinal) - 5), out var line) ? line : 0;

    private static ParsedRow FileError(string file, long line, string message) =>
        new(line, null, [new RecordError(file, line, null, message)]);
}
