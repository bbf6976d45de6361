using System.Text;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>
/// Imports a CSV or JSON Lines file of one entity into the store, whole or not at all: rows are written in batches
/// inside one transaction, which is committed only when every row of the file is valid. Re-importing a file changes
/// nothing. This is how systems without a collector (Jenkins, GitLab, ServiceNow, a spreadsheet) get their data in.
/// </summary>
public sealed class RecordFileImporter(IStore store)
{
    /// <summary>Errors reported per file; past this the file is not read further.</summary>
    public const int MaxErrors = 50;

    private const int BatchSize = 5_000;

    /// <summary>Imports a file.</summary>
    /// <param name="map">The entity the file holds.</param>
    /// <param name="path">The file's path, named in errors as given.</param>
    /// <param name="format">The format; null to choose by the file's extension.</param>
    /// <param name="progress">Told the number of bytes read so far, for progress bars.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is kept.</param>
    public async Task<ImportResult> ImportAsync(
        EntityMap map,
        string path,
        RecordFileFormat? format,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        var chosen = format ?? RecordFileFormats.FromPath(path);
        if (chosen is null)
        {
            return Refused(path, $"cannot tell the format from the extension '{Path.GetExtension(path)}': use .csv or .jsonl, or pass --format");
        }

        if (!File.Exists(path))
        {
            return Refused(path, "no such file");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return await ImportAsync(map, path, text, chosen.Value, () => progress?.Report(stream.Position), cancellationToken);
    }

    /// <summary>Imports rows from a reader (the file's content).</summary>
    /// <param name="map">The entity the rows hold.</param>
    /// <param name="name">The name errors give for the source (a path, or <c>-</c> for standard input).</param>
    /// <param name="text">The content.</param>
    /// <param name="format">Its format.</param>
    /// <param name="onBatch">Called after each batch, for progress reporting.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is kept.</param>
    public async Task<ImportResult> ImportAsync(
        EntityMap map,
        string name,
        TextReader text,
        RecordFileFormat format,
        Action? onBatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(text);
        var rows = format == RecordFileFormat.Csv
            ? CsvRecordReader.ReadAsync(map, name, text, cancellationToken)
            : JsonLinesRecordReader.ReadAsync(map, name, text, cancellationToken);

        var errors = new List<RecordError>();
        var batch = new List<object>(BatchSize);
        var stored = default(UpsertResult);
        long count = 0;
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        try
        {
            await foreach (var row in rows)
            {
                count++;
                if (row.Record is null)
                {
                    errors.AddRange(row.Errors.Take(MaxErrors - errors.Count));
                    if (errors.Count >= MaxErrors)
                    {
                        break;
                    }

                    continue;
                }

                if (errors.Count > 0)
                {
                    continue; // The file will be refused; keep reading only to report its other errors.
                }

                batch.Add(row.Record);
                if (batch.Count == BatchSize)
                {
                    stored += await writer.UpsertAsync(map, batch, cancellationToken);
                    batch.Clear();
                    onBatch?.Invoke();
                }
            }
        }
        catch (DecoderFallbackException e)
        {
            errors.Add(new RecordError(name, count + 1, null, $"the file is not valid UTF-8 ({e.Message})"));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(name, count, default, errors); // Disposing the writer rolls back every batch.
        }

        stored += await writer.UpsertAsync(map, batch, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        onBatch?.Invoke();
        return new ImportResult(name, count, stored, []);
    }

    private static ImportResult Refused(string path, string message) =>
        new(path, 0, default, [new RecordError(path, 0, null, message)]);
}
