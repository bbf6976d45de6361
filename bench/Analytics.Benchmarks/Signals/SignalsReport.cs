using System.Globalization;
using System.Text;
using Analytics.Benchmarks.Import;
using Analytics.Signals;
using Analytics.Storage;

namespace Analytics.Benchmarks.Signals;

/// <summary>The signals benchmark's results as Markdown (bench/results/signals-&lt;date&gt;-&lt;scale&gt;.md).</summary>
internal sealed class SignalsReport(double scale, int seed, MachineDescription machine, DateTimeOffset date)
{
    /// <summary>When it ran.</summary>
    public DateTimeOffset Date => date;

    /// <summary>Each store's organisation.</summary>
    public List<Generation> Generations { get; } = [];

    /// <summary>Each store's size on disk.</summary>
    public Dictionary<StoreKind, long> Sizes { get; } = [];

    /// <summary>Every measurement, in the order taken.</summary>
    public List<SignalMeasurement> Rows { get; } = [];

    /// <summary>Load averages before the run.</summary>
    public string LoadBefore { get; set; } = "";

    /// <summary>Load averages after the run.</summary>
    public string LoadAfter { get; set; } = "";

    /// <summary>The whole report.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Signals benchmark, scale {SignalsChild.Text(scale)} (seed {seed}), {date:yyyy-MM-dd}"));
        text.AppendLine();
        text.AppendLine("Machine: " + machine.Line + ".");
        text.AppendLine(Invariant($"Load before: {LoadBefore}; after: {LoadAfter}; benchmark niceness {SystemLoad.Niceness()}."));
        text.AppendLine();
        AppendOrganisation(text);
        AppendWhole(text);
        AppendSignals(text);
        AppendSql(text);
        AppendIncrement(text);
        AppendMisses(text);
        AppendDetails(text);
        return text.ToString();
    }

    private void AppendOrganisation(StringBuilder text)
    {
        text.AppendLine("## The organisation");
        text.AppendLine();
        var stores = Generations.Select(g => g.Store).ToList();
        text.AppendLine("| Table | " + string.Join(" | ", stores.Select(BenchNames.Display)) + " |");
        text.AppendLine("|---|" + string.Concat(stores.Select(_ => "---:|")));
        foreach (var table in Generations.FirstOrDefault()?.Counts.Select(c => c.Table) ?? [])
        {
            text.AppendLine($"| {table} | " + string.Join(" | ", Generations.Select(g => Units.Number(g.Counts.First(c => c.Table == table).Count))) + " |");
        }

        text.AppendLine("| store size | " + string.Join(" | ", stores.Select(s => Sizes.TryGetValue(s, out var size) ? Units.Bytes(size) : "?")) + " |");
        text.AppendLine("| generated in | " + string.Join(" | ", Generations.Select(g => g.Took is { } took ? Units.Seconds(took) : "reused")) + " |");
        text.AppendLine();
    }

    private void AppendSignals(StringBuilder text)
    {
        var stores = Generations.Select(g => g.Store).ToList();
        text.AppendLine("## Every signal");
        text.AppendLine();
        text.AppendLine("Wall time of `ComputeAsync`, the CPU time it took (the process's, plus the local PostgreSQL server's), and the peak working set of its process; weekly windows. Team-quarter: the first team, 2026-07-01 to 2026-10-01. Org-year: every team, the year to 2026-11-16.");
        text.AppendLine();
        text.AppendLine("| Signal | " + string.Join(" | ", stores.SelectMany(s => new[] { $"{BenchNames.Display(s)} team-quarter", $"{BenchNames.Display(s)} org-year" })) + " | Series points (org-year) | Within 10 s and 2 GB |");
        text.AppendLine("|---|" + string.Concat(stores.SelectMany(_ => new[] { "---:|", "---:|" })) + "---:|---|");
        foreach (var name in Rows.Where(r => r.Kind == "signal").Select(r => r.Name).Distinct())
        {
            var cells = stores.SelectMany(s => new[] { SignalScope.TeamQuarter, SignalScope.OrgYear }.Select(scope => Cell(Find(s, "signal", name, scope)))).ToList();
            var yearly = stores.Select(s => Find(s, "signal", name, SignalScope.OrgYear)).ToList();
            var points = yearly.FirstOrDefault(r => r?.Result is not null)?.Result?.Rows;
            text.AppendLine($"| `{name}` | {string.Join(" | ", cells)} | {(points is { } p ? Units.Number(p) : "–")} | {(yearly.All(Meets) ? "yes" : "**no**")} |");
        }

        text.AppendLine();
    }

    private void AppendWhole(StringBuilder text)
    {
        var whole = Rows.Where(r => r.Kind == "all" && r.Scope == SignalScope.OrgYear).ToList();
        if (whole.Count == 0)
        {
            return;
        }

        text.AppendLine("## Every signal over the org-year, in one process (the bar)");
        text.AppendLine();
        text.AppendLine(Invariant($"All {SignalCatalog.All.Count} signals of the catalogue, one after another over one request (every team, weekly windows, the year to 2026-11-16), in one process as a report or a rule evaluation computes them: analyses that several signals need are made once per request. The bar: at most {SignalsCommand.TimeBar.TotalSeconds:0} s and 2 GiB."));
        text.AppendLine();
        text.AppendLine("| Store | Wall, CPU (process + server), peak working set | Series | Points | Within the bar |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var row in whole)
        {
            text.AppendLine($"| {BenchNames.Display(row.Store)} | {Cell(row)} | {(row.Result is { } r ? Units.Number(r.Changed) : "–")} | {(row.Result is { } p ? Units.Number(p.Rows) : "–")} | {(Meets(row) ? "yes" : "**no**")} |");
        }

        text.AppendLine();
    }

    private void AppendSql(StringBuilder text)
    {
        var sql = Rows.Where(r => r.Kind == "sql").ToList();
        if (sql.Count == 0)
        {
            return;
        }

        text.AppendLine("## The same aggregates as SQL in PostgreSQL (org-year)");
        text.AppendLine();
        text.AppendLine("| Aggregate | SQL wall | SQL server CPU | SQL rows | C# signal on PostgreSQL | C# ÷ SQL |");
        text.AppendLine("|---|---:|---:|---:|---|---:|");
        foreach (var row in sql)
        {
            var aggregate = SqlAggregate.All.First(a => a.Name == row.Name);
            var signal = Find(StoreKind.Postgres, "signal", aggregate.Signal, SignalScope.OrgYear);
            var ratio = row.Result is { } s && signal?.Result is { } c ? Invariant($"{c.Wall / s.Wall:0.0}×") : "–";
            text.AppendLine($"| {aggregate.What} | {Cell(row)} | {(row.Result?.ServerCpu is { } cpu ? Units.Seconds(cpu) : "–")} | {(row.Result is { } r ? Units.Number(r.Rows) : "–")} | `{aggregate.Signal}`: {Cell(signal)} | {ratio} |");
        }

        text.AppendLine();
    }

    private void AppendIncrement(StringBuilder text)
    {
        if (!Rows.Any(r => r.Kind == "batch"))
        {
            return;
        }

        text.AppendLine("## After a new batch");
        text.AppendLine();
        text.AppendLine("Without the signal cache each signal computes its windows from the stored records, so re-evaluating after a batch means computing at least the latest window again (every signal, every team, the last week). Through the signal cache (docs/signals/incremental.md) the org-year of every signal is computed once (\"warm\", every team with the batch's, before the batch is written) and again after the batch, recomputing only the windows the batch reached (\"incremental\"; the windows recomputed are in the details' Changed column).");
        text.AppendLine();
        text.AppendLine("| Store | Write the batch | Records | Every signal, latest week (one process) | Every signal, org-year (one process) | Every signal, org-year (sum of one process per signal) | Org-year through the cache, warm | After the batch, incremental | Windows recomputed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in Generations.Select(g => g.Store))
        {
            var whole = Find(store, "all", "", SignalScope.OrgYear);
            var batch = Find(store, "batch", "", SignalScope.LatestWeek);
            var latest = Find(store, "all", "", SignalScope.LatestWeek);
            var year = Rows.Where(r => r.Store == store && r.Kind == "signal" && r.Scope == SignalScope.OrgYear).ToList();
            var sum = year.Count == 0 ? "–" : year.All(r => r.Result is not null) ? Units.Seconds(TimeSpan.FromTicks(year.Sum(r => r.Result!.Wall.Ticks))) : "incomplete";
            var warm = Find(store, "cached", "warm", SignalScope.OrgYearCached);
            var incremental = Find(store, "cached", "after-batch", SignalScope.OrgYearCached);
            text.AppendLine($"| {BenchNames.Display(store)} | {Cell(batch)} | {(batch?.Result is { } b ? Units.Number(b.Rows) : "–")} | {Cell(latest)} | {Cell(whole)} | {sum} | {Cell(warm)} | {Cell(incremental)} | {(incremental?.Result is { } i ? Units.Number(i.Changed) + " of " + Units.Number(warm?.Result?.Changed ?? 0) : "–")} |");
        }

        text.AppendLine();
    }

    private void AppendMisses(StringBuilder text)
    {
        var misses = Rows.Where(r => r.Kind is "signal" or "all" && r.Scope == SignalScope.OrgYear && !Meets(r)).ToList();
        text.AppendLine("## Over the bar (org-year, more than 10 s or 2 GB)");
        text.AppendLine();
        if (misses.Count == 0)
        {
            text.AppendLine("None.");
        }

        foreach (var miss in misses)
        {
            text.AppendLine(miss.Kind == "all"
                ? $"- {BenchNames.Display(miss.Store)}, every signal in one process: {Cell(miss)}"
                : $"- {BenchNames.Display(miss.Store)} `{miss.Name}`: {Cell(miss)}");
        }

        text.AppendLine();
    }

    private void AppendDetails(StringBuilder text)
    {
        text.AppendLine("## Details");
        text.AppendLine();
        text.AppendLine("| Store | What | Scope | Wall | Client CPU | Server CPU | Peak working set | Peak managed heap | Allocated | GC pauses | Other processes' CPU |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            var m = row.Result;
            text.AppendLine($"| {BenchNames.Display(row.Store)} | {row.Kind} {row.Name} | {SignalsChild.Of(row.Scope)} | "
                + (m is null
                    ? $"{row.Error} | | | | | | | |"
                    : $"{Units.Seconds(m.Wall)} | {Units.Seconds(m.Cpu)} | {(m.ServerCpu is { } s ? Units.Seconds(s) : "–")} | {Units.Bytes(m.PeakWorkingSetBytes)} | {Units.Bytes(m.PeakManagedHeapBytes)} | {Units.Bytes(m.AllocatedBytes)} | {Units.Seconds(m.GcPause)} | {Units.Seconds(m.OtherCpu)} |"));
        }

        text.AppendLine();
    }

    private SignalMeasurement? Find(StoreKind store, string kind, string name, SignalScope scope) =>
        Rows.FirstOrDefault(r => r.Store == store && r.Kind == kind && r.Name == name && r.Scope == scope);

    private static bool Meets(SignalMeasurement? row) =>
        row?.Result is { } m && m.Wall <= SignalsCommand.TimeBar && m.PeakWorkingSetBytes <= SignalsCommand.MemoryBar;

    private static string Cell(SignalMeasurement? row) => row switch
    {
        null => "–",
        { Result: { } m } => $"{Units.Seconds(m.Wall)}, CPU {Units.Seconds(m.Cpu + (m.ServerCpu ?? TimeSpan.Zero))} ({Units.Bytes(m.PeakWorkingSetBytes)})",
        _ => row.Error!.StartsWith("timed out", StringComparison.Ordinal) ? $"> {row.Error["timed out after ".Length..]}" : "failed",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
