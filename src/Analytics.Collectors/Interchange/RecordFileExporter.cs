using System.Text.Json;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>Writes an entity's stored records as CSV or JSON Lines, streaming, in the format the importer reads.</summary>
public sealed class RecordFileExporter(IStore store)
{
    /// <summary>Exports the records that match <paramref name="query"/>.</summary>
    /// <returns>How many records were written.</returns>
    public async Task<long> ExportAsync(
        EntityMap map,
        TextWriter output,
        RecordFileFormat format,
        StoreQuery? query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(output);
        var rows = store.ReadValuesAsync(map, query, cancellationToken);
        return format == RecordFileFormat.Csv
            ? await WriteCsvAsync(map, output, rows, cancellationToken)
            : await WriteJsonLinesAsync(map, output, rows, cancellationToken);
    }

    private static async Task<long> WriteCsvAsync(EntityMap map, TextWriter output, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await CsvWriter.WriteRecordAsync(output, map.Columns.Select(c => c.Name), cancellationToken);
        long count = 0;
        await foreach (var values in rows)
        {
            await CsvWriter.WriteRecordAsync(output, values.Select((v, i) => ColumnText.Format(map.Columns[i], v)), cancellationToken);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<long> WriteJsonLinesAsync(EntityMap map, TextWriter output, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        long count = 0;
        await foreach (var values in rows)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        continue; // Absent means empty: keeps lines short.
                    }

                    json.WritePropertyName(map.Columns[i].Name);
                    ColumnJson.Write(json, map.Columns[i], values[i]);
                }

                json.WriteEndObject();
            }

            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }
}
