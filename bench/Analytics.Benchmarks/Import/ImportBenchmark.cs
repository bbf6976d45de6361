using System.Diagnostics;
using System.Text;
using Analytics.Collectors.Interchange;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// The import benchmark's driver. For each store: the store-upsert path into an empty store; then (once) the export of
/// those rows to a CSV file, untimed; then the file import into another empty store and the re-import of the same file.
/// Every measurement runs in a child process of its own; the driver checks each result (row counts, rows changed).
/// </summary>
internal static class ImportBenchmark
{
    /// <summary>Runs every measurement.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="time">The clock that dates the report and stamps the stores' <c>changed_at</c>.</param>
    /// <param name="cancellationToken">Stops the run; temporary stores are removed.</param>
    /// <exception cref="MeasurementException">A measurement failed or gave a wrong result.</exception>
    public static async Task<ImportRun> RunAsync(ImportSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(settings.WorkParent, "analytics-bench-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal))).FullName;
        try
        {
            var machine = await MachineDescription.ReadAsync(work, settings.Postgres, cancellationToken);
            Log($"machine: {machine.Line}");
            Log($"work directory: {work}");

            var serverPid = settings.Postgres is null ? null : await PostgresServer.FindPostmasterAsync(settings.Postgres, cancellationToken);
            if (settings.Postgres is not null)
            {
                Log(serverPid is null ? "PostgreSQL server process not found on this machine: its CPU time is not measured" : $"PostgreSQL postmaster: pid {serverPid}");
            }

            var loadBefore = SystemLoad.Read();
            Log($"load averages (1 / 5 / 15 min): {loadBefore}");
            var results = new List<PathResult>();
            var csv = Path.Combine(work, "test-results.csv");
            var export = TimeSpan.Zero;
            await using var scratch = new ScratchStores(work, settings.Postgres);
            foreach (var kind in settings.Stores)
            {
                // Store upsert: each run into a new empty store; the first one's rows become the CSV file.
                var upserts = new List<Measurement>();
                long upsertBytes = 0;
                for (var i = 0; i < settings.Repeat; i++)
                {
                    var store = await scratch.CreateAsync(kind, "upsert", cancellationToken);
                    upserts.Add(await MeasureAsync(store, ImportPath.Upsert, null, settings, settings.Rows, serverPid, time, cancellationToken));
                    upsertBytes = await scratch.SizeAsync(store, cancellationToken);
                    if (!File.Exists(csv))
                    {
                        export = await ExportAsync(store, csv, time, cancellationToken);
                        Log($"exported {Units.Number(settings.Rows)} rows to {csv} ({Units.Bytes(new FileInfo(csv).Length)}) in {Units.Seconds(export)} (not timed)");
                    }

                    await scratch.DropAsync(store, cancellationToken);
                }

                results.Add(new PathResult(kind, ImportPath.Upsert, upserts, upsertBytes));

                // File import into a new empty store, then the re-import of the same file into that store.
                var imports = new List<Measurement>();
                var reimports = new List<Measurement>();
                long importBytes = 0;
                long reimportBytes = 0;
                for (var i = 0; i < settings.Repeat; i++)
                {
                    var store = await scratch.CreateAsync(kind, "import", cancellationToken);
                    imports.Add(await MeasureAsync(store, ImportPath.FileImport, csv, settings, settings.Rows, serverPid, time, cancellationToken));
                    importBytes = await scratch.SizeAsync(store, cancellationToken);
                    reimports.Add(await MeasureAsync(store, ImportPath.Reimport, csv, settings, 0, serverPid, time, cancellationToken));
                    reimportBytes = await scratch.SizeAsync(store, cancellationToken);
                    await scratch.DropAsync(store, cancellationToken);
                }

                results.Add(new PathResult(kind, ImportPath.FileImport, imports, importBytes));
                results.Add(new PathResult(kind, ImportPath.Reimport, reimports, reimportBytes));
            }

            var loadAfter = SystemLoad.Read();
            Log($"load averages (1 / 5 / 15 min): {loadAfter}");
            return new ImportRun(settings, machine, time.GetUtcNow(), loadBefore, loadAfter, SystemLoad.Niceness(), results, new FileInfo(csv).Length, export);
        }
        finally
        {
            if (settings.Keep)
            {
                Log($"kept {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Runs one measurement in a child process and checks what it did to the store.</summary>
    private static async Task<Measurement> MeasureAsync(
        StoreLocation location,
        ImportPath path,
        string? file,
        ImportSettings settings,
        long expectedChanged,
        int? serverPid,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var what = $"{BenchNames.Display(location.Kind)} {BenchNames.Display(path)}";
        Log($"{what}: running…");
        var measurement = await MeasurementProcess.RunAsync(location, path, settings.Rows, settings.Seed, file, serverPid, cancellationToken);
        Log($"{what}: {Units.Number(measurement.Rows)} rows in {Units.Seconds(measurement.Wall)} = {Units.Number(measurement.RowsPerSecond)} rows/s, "
            + $"peak working set {Units.Bytes(measurement.PeakWorkingSetBytes)}, allocated {Units.Bytes(measurement.AllocatedBytes)}, "
            + $"CPU: client {Units.Seconds(measurement.Cpu)}"
            + (measurement.ServerCpu is { } server ? $", server {Units.Seconds(server)}" : "")
            + $", other processes {Units.Seconds(measurement.OtherCpu)}, steal {Units.Seconds(measurement.Steal)}");

        await using var store = await Store.OpenAsync(location, time, cancellationToken);
        var count = await store.CountAsync(Entities.TestResults, cancellationToken);
        if (measurement.Rows != settings.Rows || count != settings.Rows || measurement.Changed != expectedChanged)
        {
            throw new MeasurementException(
                $"{what}: expected {Units.Number(settings.Rows)} rows received and stored with {Units.Number(expectedChanged)} changed, "
                + $"but {Units.Number(measurement.Rows)} were received, {Units.Number(measurement.Changed)} changed and {Units.Number(count)} are stored");
        }

        return measurement;
    }

    /// <summary>Writes the store's test results to a CSV file, as <c>analytics export</c> does.</summary>
    private static async Task<TimeSpan> ExportAsync(StoreLocation location, string csv, TimeProvider time, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var store = await Store.OpenAsync(location, time, cancellationToken);
        await using var output = new StreamWriter(csv, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        await new RecordFileExporter(store).ExportAsync(Entities.TestResults, output, RecordFileFormat.Csv, null, cancellationToken);
        return clock.Elapsed;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}
