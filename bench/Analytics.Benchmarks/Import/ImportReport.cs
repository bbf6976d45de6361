using System.Globalization;
using System.Text;
using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>Renders an <see cref="ImportRun"/> as Markdown: the summary table for the README, then the details.</summary>
internal static class ImportReport
{
    /// <summary>The machine line and the summary table: what the project README quotes.</summary>
    public static string Summary(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        var repeat = run.Settings.Repeat == 1 ? "" : $" (median of {run.Settings.Repeat} runs each)";
        text.AppendLine(Invariant($"Import of {Units.Number(run.Settings.Rows)} test-result rows{repeat}, measured {run.MeasuredAt:yyyy-MM-dd} on: {run.Machine.Line}."));
        text.AppendLine();
        text.AppendLine("| Store | Path | Input | Wall time | Rows/s | Peak working set | Managed allocations |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var result in run.Results)
        {
            var m = result.Median;
            var input = m.Path == ImportPath.Upsert ? "generated stream" : $"CSV, {Units.Bytes(run.CsvBytes)}";
            text.AppendLine($"| {BenchNames.Display(m.Store)} | {BenchNames.Display(m.Path!.Value)} | {input} | {Units.Seconds(m.Wall)} | "
                + $"{Units.Number(m.RowsPerSecond)} | {Units.Bytes(m.PeakWorkingSetBytes)} | {Units.Bytes(m.AllocatedBytes)} |");
        }

        if (!run.Settings.Stores.Contains(StoreKind.Postgres))
        {
            text.AppendLine();
            text.AppendLine("PostgreSQL was not measured: no connection string was given (`--postgres` or `ANALYTICS_BENCH_POSTGRES`).");
        }

        return text.ToString();
    }

    /// <summary>The whole results file.</summary>
    public static string Document(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Import benchmark: {Units.Number(run.Settings.Rows)} test-result rows"));
        text.AppendLine();
        text.AppendLine(Invariant($"Measured {run.MeasuredAt:yyyy-MM-dd HH:mm} UTC by `Analytics.Benchmarks import --rows {run.Settings.Rows} --repeat {run.Settings.Repeat} --seed {run.Settings.Seed}`"));
        text.AppendLine("(Release build, started by `bash bench/run.sh`). Every measurement ran in a fresh process; with several runs per path the");
        text.AppendLine("tables quote the run with the median wall time. `bench/README.md` says what each figure means.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine($"- CPU: {run.Machine.Cpu}, {run.Machine.Cores} logical cores");
        text.AppendLine($"- Memory: {Units.Bytes(run.Machine.MemoryBytes)}");
        text.AppendLine($"- OS: {run.Machine.Os}");
        text.AppendLine($"- Runtime: {run.Machine.Runtime}");
        text.AppendLine($"- SQLite: {run.Machine.Sqlite}");
        text.AppendLine($"- PostgreSQL: {run.Machine.Postgres ?? "not measured"}");
        text.AppendLine($"- Temporary files (SQLite stores, CSV file): {run.Machine.Disk}");
        text.AppendLine($"- Load averages (1 / 5 / 15 min): {run.LoadBefore} before the run, {run.LoadAfter} after it; "
            + (run.Niceness == 0 ? "normal priority (nice 0)" : $"run at nice {run.Niceness} (the database server too when run.sh started it)"));
        text.AppendLine();
        text.AppendLine("## Summary");
        text.AppendLine();
        text.Append(Summary(run));
        text.AppendLine();
        text.AppendLine($"The CSV file ({Units.Bytes(run.CsvBytes)}, {Units.Number(run.Settings.Rows)} rows and a header) was written by "
            + $"`RecordFileExporter` from the first store-upsert result in {Units.Seconds(run.CsvExport)}; that export is not part of any figure.");
        text.AppendLine();
        text.AppendLine("## Details (of the median run)");
        text.AppendLine();
        text.AppendLine("| Store | Path | Rows/s, all runs | Rows changed | Client CPU | Server CPU | Other processes' CPU | Steal | GC pauses | JIT time "
            + "| Peak working set before the work | Peak managed heap | Allocated per row | GC gen0 / gen1 / gen2 | Store size after |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in run.Results)
        {
            var m = result.Median;
            var spread = result.Runs.Count == 1
                ? Units.Number(m.RowsPerSecond)
                : $"{Units.Number(result.SlowestRowsPerSecond)} – {Units.Number(result.FastestRowsPerSecond)}";
            text.AppendLine($"| {BenchNames.Display(m.Store)} | {BenchNames.Display(m.Path!.Value)} | {spread} | {Units.Number(m.Changed)} | "
                + $"{Units.Seconds(m.Cpu)} | {(m.ServerCpu is { } server ? Units.Seconds(server) : "–")} | {Units.Seconds(m.OtherCpu)} | {Units.Seconds(m.Steal)} | "
                + $"{Units.Seconds(m.GcPause)} | {Units.Seconds(m.JitTime)} | "
                + $"{Units.Bytes(m.StartPeakWorkingSetBytes)} | {Units.Bytes(m.PeakManagedHeapBytes)} | {Units.Number((double)m.AllocatedBytes / m.Rows)} B | "
                + $"{Units.Number(m.Gen0Collections)} / {Units.Number(m.Gen1Collections)} / {Units.Number(m.Gen2Collections)} | {Units.Bytes(result.StoreBytes)} |");
        }

        text.AppendLine();
        text.AppendLine("- CPU figures are CPU-seconds during the timed work (two cores give up to twice the wall time). *Client* is the "
            + "benchmark process (the SQLite engine runs inside it); *server* is the local PostgreSQL server, backends and background "
            + "processes included; *other processes* is what the rest of the machine used meanwhile, and *steal* what the hypervisor "
            + "gave to other virtual machines: both should be near zero, or the figures are pessimistic.");
        text.AppendLine("- *JIT time* is compilation on any thread (tiered re-compilation included), mostly on the second core: it does not add "
            + "to the wall time one for one.");
        text.AppendLine("- *Peak working set* is the process's VmHWM: managed heap, runtime, JIT'd code and native SQLite memory. "
            + "*Before the work* is the same figure once the runtime started and the store was opened.");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
