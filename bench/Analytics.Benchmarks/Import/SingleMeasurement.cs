using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.Interchange;
using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// One measurement, in a process of its own (<c>--single &lt;store&gt; &lt;path&gt;</c>), so the peak working set, which
/// the operating system keeps per process and only ever raises, belongs to this measurement alone. The result goes to
/// stdout as one line: <see cref="ResultPrefix"/> and JSON.
/// </summary>
internal static class SingleMeasurement
{
    /// <summary>Starts the stdout line that carries the result.</summary>
    public const string ResultPrefix = "BENCH-RESULT ";

    /// <summary>
    /// The environment variable that carries the store's target (SQLite path or Npgsql connection string) to the child,
    /// so a password never shows in a process listing.
    /// </summary>
    public const string TargetVariable = "ANALYTICS_BENCH_TARGET";

    /// <summary>
    /// The environment variable that gives the local PostgreSQL server's postmaster process id, so its CPU time can be
    /// measured; absent for SQLite and for a server elsewhere.
    /// </summary>
    public const string ServerPidVariable = "ANALYTICS_BENCH_SERVER_PID";

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Opens the store, runs the path once, and returns what it measured.</summary>
    /// <param name="store">The store.</param>
    /// <param name="path">The path to measure.</param>
    /// <param name="rows">Rows to generate (upsert path).</param>
    /// <param name="seed">The generator's seed (upsert path).</param>
    /// <param name="file">The CSV file (import paths).</param>
    /// <param name="time">The clock the store stamps <c>changed_at</c> with.</param>
    /// <param name="cancellationToken">Stops the run; nothing is committed.</param>
    public static async Task<Measurement> RunAsync(
        StoreKind store,
        ImportPath path,
        int rows,
        int seed,
        string? file,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var target = Environment.GetEnvironmentVariable(TargetVariable)
            ?? throw new Cli.UsageException($"--single needs the store's target in {TargetVariable}");
        if (path != ImportPath.Upsert && file is null)
        {
            throw new Cli.UsageException($"--single {BenchNames.Of(store)} {BenchNames.Of(path)} needs --file");
        }

        await using var opened = await Store.OpenAsync(new StoreLocation(store, target), time, cancellationToken);
        var measurement = await MeasureAsync(
            store,
            _ => path == ImportPath.Upsert
                ? UpsertAsync(opened, BenchData.Generate(rows, seed), cancellationToken)
                : ImportAsync(opened, file!, cancellationToken),
            cancellationToken);
        return measurement with { Path = path };
    }

    /// <summary>
    /// Measures <paramref name="work"/> in this process: wall and CPU time, peak working set, managed heap and
    /// allocations, GC and JIT, the local PostgreSQL server's CPU (when <see cref="ServerPidVariable"/> is set) and the
    /// rest of the machine's. Everything the work needs (an open store) should exist before, so it is not counted.
    /// </summary>
    /// <param name="store">The store the work uses (for the record).</param>
    /// <param name="work">The work; returns how many rows (or values) it handled and changed.</param>
    /// <param name="cancellationToken">Handed to the work.</param>
    /// <returns>The measurement, with no <see cref="Measurement.Path"/>.</returns>
    public static async Task<Measurement> MeasureAsync(
        StoreKind store,
        Func<CancellationToken, Task<(long Received, long Changed)>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Start from a collected heap so the counters see the work alone.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var startPeak = process.PeakWorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var serverPid = int.TryParse(Environment.GetEnvironmentVariable(ServerPidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : (int?)null;
        var serverBefore = serverPid is { } before ? ProcStat.ReadTree(before) : TimeSpan.Zero;
        var machineBefore = ProcStat.ReadMachine();
        using var sampler = new MemorySampler(SampleInterval);

        var clock = Stopwatch.StartNew();
        var (received, changed) = await work(cancellationToken);
        clock.Stop();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peakHeap = sampler.PeakManagedHeapBytes;
        var machineAfter = ProcStat.ReadMachine();
        TimeSpan? serverCpu = serverPid is { } after ? ProcStat.ReadTree(after) - serverBefore : null;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var others = machineAfter.Busy - machineBefore.Busy - cpu - (serverCpu ?? TimeSpan.Zero);
        return new Measurement(
            store,
            null,
            received,
            changed,
            clock.Elapsed,
            cpu,
            process.PeakWorkingSet64,
            startPeak,
            peakHeap,
            allocated,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            GC.GetTotalPauseDuration() - pauseBefore,
            System.Runtime.JitInfo.GetCompilationTime() - jitBefore,
            serverCpu,
            others < TimeSpan.Zero ? TimeSpan.Zero : others,
            machineAfter.Steal - machineBefore.Steal);
    }

    /// <summary>Writes the result line.</summary>
    public static string Format(Measurement measurement) =>
        ResultPrefix + JsonSerializer.Serialize(measurement);

    /// <summary>Reads a result line; null when the line is something else.</summary>
    public static Measurement? Parse(string line) =>
        line.StartsWith(ResultPrefix, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<Measurement>(line.AsSpan(ResultPrefix.Length))
            : null;

    /// <summary>The store-upsert path: the lazy stream cut into batches as they fill, all in one transaction.</summary>
    private static async Task<(long Received, long Changed)> UpsertAsync(
        IStore store,
        IEnumerable<TestResult> records,
        CancellationToken cancellationToken)
    {
        var stored = default(UpsertResult);
        var batch = new List<TestResult>(BenchData.BatchSize);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        foreach (var record in records)
        {
            batch.Add(record);
            if (batch.Count == BenchData.BatchSize)
            {
                stored += await writer.UpsertAsync(Entities.TestResults, batch, cancellationToken);
                batch.Clear();
            }
        }

        stored += await writer.UpsertAsync(Entities.TestResults, batch, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return (stored.Received, stored.Changed);
    }

    /// <summary>The file paths: exactly what <c>analytics import test-results file.csv</c> calls.</summary>
    private static async Task<(long Received, long Changed)> ImportAsync(IStore store, string file, CancellationToken cancellationToken)
    {
        var result = await new RecordFileImporter(store).ImportAsync(Entities.TestResults, file, RecordFileFormat.Csv, null, cancellationToken);
        if (!result.Applied)
        {
            throw new InvalidDataException($"the import was refused: {string.Join("; ", result.Errors.Take(3))}");
        }

        return (result.Stored.Received, result.Stored.Changed);
    }
}
