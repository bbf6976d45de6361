using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>
/// Reads JSON Lines rows of an entity, streaming: one object per line, blank lines ignored. Unknown properties are
/// errors (they are usually typos); absent and null properties are empty values.
/// </summary>
internal static class JsonLinesRecordReader
{
    public static async IAsyncEnumerable<ParsedRow> ReadAsync(
        EntityMap map,
        string file,
        TextReader text,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long line = 0;
        while (await text.ReadLineAsync(cancellationToken) is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            yield return Parse(map, file, line, content);
        }
    }

    private static ParsedRow Parse(EntityMap map, string file, long line, string content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            return new ParsedRow(line, null, [new RecordError(file, line, null, $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(" LineNumber")[0]}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ParsedRow(line, null, [new RecordError(file, line, null, "each line must be one JSON object")]);
            }

            var unknown = root.EnumerateObject().Where(p => map.IndexOf(p.Name) < 0)
                .Select(p => new RecordError(file, line, null, RowBuilder.UnknownField(map, p.Name)))
                .ToList();
            if (unknown.Count > 0)
            {
                return new ParsedRow(line, null, unknown);
            }

            return RowBuilder.Build(map, file, line, (Column column, out object? value, out string? error) =>
            {
                var present = root.TryGetProperty(column.Name, out var element);
                if ((!present || element.ValueKind == JsonValueKind.Null) && !column.IsNullable)
                {
                    value = null;
                    error = "is required";
                    return false;
                }

                return ColumnJson.TryRead(column, present ? element : default, out value, out error);
            });
        }
    }
}
