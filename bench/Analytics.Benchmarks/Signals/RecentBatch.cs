using System.Globalization;
using System.Text;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Collectors.Interchange;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// The realistic incremental batch: the latest hours of every team, as a scheduled sync brings them. The store's records
/// of those hours (every entity placed in time, by its first instant column: pull requests by creation, reviews by
/// submission, runs by queueing, test results by start, tickets by creation, transitions by time…) are held back —
/// exported to a directory and deleted — before the cache is warmed, then written back as the batch. The deletions are
/// older than the warm pass's watermark, so the pass after the batch sees only the records written back; the store ends
/// as it began.
/// </summary>
internal static class RecentBatch
{
    /// <summary>
    /// Exports the records placed from <paramref name="hours"/> before <paramref name="end"/> on into
    /// <paramref name="directory"/> (one JSON Lines file per entity) and deletes them from <paramref name="store"/> in one
    /// transaction; refuses when the directory exists (a batch held back and not yet written back).
    /// </summary>
    /// <returns>How many records were held back.</returns>
    public static async Task<long> HoldBackAsync(
        IStore store, DateTimeOffset end, int hours, string directory, Action<string> log, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory))
        {
            throw new UsageException($"{directory} exists: a batch is held back there; write it back first (restore --dir {directory})");
        }

        var since = end.AddHours(-hours);
        var staging = directory + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var exporter = new RecordFileExporter(store);
        var held = new List<(EntityMap Map, List<object[]> Keys)>();
        foreach (var map in Entities.All)
        {
            if (map.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Instant) is not { } placedBy)
            {
                continue;
            }

            var query = StoreQuery.All.Since(placedBy.Name, since).Before(placedBy.Name, end);
            long exported;
            await using (var output = new StreamWriter(Path.Combine(staging, map.Name + ".jsonl"), false, new UTF8Encoding(false)))
            {
                exported = await exporter.ExportAsync(map, output, RecordFileFormat.JsonLines, query, cancellationToken);
            }

            var keyIndexes = map.KeyColumns.Select(k => map.IndexOf(k.Name)).ToArray();
            var keys = new List<object[]>();
            await foreach (var values in store.ReadValuesAsync(map, query, cancellationToken))
            {
                keys.Add([.. keyIndexes.Select(i => values[i]!)]);
            }

            // The export and the keys are two reads: a write between them would delete records no file holds.
            if (keys.Count != exported)
            {
                throw new MeasurementException($"{map.Name}: {exported} records exported but {keys.Count} to delete; is something writing to the store? Nothing was deleted");
            }

            log(string.Create(CultureInfo.InvariantCulture, $"{map.Name}: {keys.Count:N0} records from {since:yyyy-MM-dd HH:mm} (by {placedBy.Name})"));
            held.Add((map, keys));
        }

        // The files are complete before anything is deleted; the directory's name says so.
        Directory.Move(staging, directory);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        long deleted = 0;
        foreach (var (map, keys) in held.Where(h => h.Keys.Count > 0))
        {
            deleted += await writer.DeleteAsync(map, keys, cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Writes back the records held back in <paramref name="directory"/>, then removes it.</summary>
    /// <returns>How many records were written.</returns>
    public static async Task<long> RestoreAsync(IStore store, string directory, Action<string> log, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{directory} does not exist: no batch is held back there (holdback --dir {directory})");
        }

        var importer = new RecordFileImporter(store);
        long written = 0;
        foreach (var map in Entities.All)
        {
            var path = Path.Combine(directory, map.Name + ".jsonl");
            if (!File.Exists(path))
            {
                continue;
            }

            var result = await importer.ImportAsync(map, path, RecordFileFormat.JsonLines, null, cancellationToken);
            if (!result.Applied)
            {
                throw new MeasurementException($"{path}: {string.Join("; ", result.Errors.Take(3))}; {directory} is kept: run restore again");
            }

            log(string.Create(CultureInfo.InvariantCulture, $"{map.Name}: {result.Rows:N0} records written back"));
            written += result.Rows;
        }

        Directory.Delete(directory, recursive: true);
        return written;
    }
}
