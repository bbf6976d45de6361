using System.Diagnostics;
using System.Globalization;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Signals;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// <c>signals</c>: every signal of <see cref="SignalCatalog.All"/> over a generated large organisation
/// (<see cref="LargeOrganisation"/>), for one team-quarter and for the whole org-year, on SQLite and PostgreSQL, each in
/// a child process of its own (wall time, peak memory); the whole catalogue over the org-year in one process (the issue's
/// bar); a few of the same aggregates as plain PostgreSQL SQL; and the cost of re-evaluating after a small new batch.
/// See bench/README.md.
/// </summary>
internal static class SignalsCommand
{
    /// <summary>The usage line for --help.</summary>
    public const string Usage =
        "  signals [--scale 1.0] [--seed 42] [--work DIR] [--postgres CONN] [--stores sqlite,postgres] [--only a,b] [--timeout 120] [--no-per-signal] [--no-increment] [--increment-only] [--batch N] [--out DIR]";

    /// <summary>The bar the issue sets for one signal over the whole organisation.</summary>
    public static readonly TimeSpan TimeBar = TimeSpan.FromSeconds(10);

    /// <summary>The memory bar the issue sets (peak working set).</summary>
    public const long MemoryBar = 2L * 1024 * 1024 * 1024;

    /// <summary>Reads <c>--scale X</c> (greater than 0, at most 2; default 1.0).</summary>
    public static double ScaleOption(Arguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = args.Option("--scale");
        if (text is null)
        {
            return 1.0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && scale <= 2
            ? scale
            : throw new UsageException($"--scale must be a number greater than 0 and at most 2, not '{text}'");
    }

    /// <summary>Runs the benchmark and writes the report.</summary>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var scale = ScaleOption(args);
        var seed = args.IntOption("--seed", BenchData.DefaultSeed, 0, int.MaxValue);
        var work = args.Option("--work") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-signals");
        var postgres = args.Option("--postgres") ?? Environment.GetEnvironmentVariable("ANALYTICS_BENCH_POSTGRES");
        var stores = (args.Option("--stores") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchNames.StoreKindOf).Distinct().ToList();
        var only = args.Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var timeout = TimeSpan.FromSeconds(args.IntOption("--timeout", 120, 1, 86_400));
        var increment = !args.Flag("--no-increment");
        var perSignal = !args.Flag("--no-per-signal");
        var incrementOnly = args.Flag("--increment-only");
        var batchNumber = args.IntOption("--batch", 1, 1, 1_000);
        var output = args.Option("--out") ?? Path.Combine("bench", "results");
        args.RejectRest();
        if (postgres is null && stores.Remove(StoreKind.Postgres))
        {
            await Console.Error.WriteLineAsync("PostgreSQL skipped: no --postgres and no ANALYTICS_BENCH_POSTGRES");
        }

        var signals = SignalCatalog.All.Where(s => only is null || only.Contains(s.Name)).ToList();
        Directory.CreateDirectory(work);
        var machine = await MachineDescription.ReadAsync(work, postgres, cancellationToken);
        var loadBefore = SystemLoad.Read();
        var report = new SignalsReport(scale, seed, machine, time.GetUtcNow());
        await using var scratch = new ScratchStores(work, postgres);
        foreach (var kind in stores)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"analytics_bench_signals{LargeOrganisation.Layout}_{SignalsChild.Text(scale).Replace('.', '_')}_{seed}");
            var location = await scratch.KeepAsync(kind, name, cancellationToken);
            report.Generations.Add(await PrepareAsync(kind, location, scale, seed, time, cancellationToken));
            report.Sizes[kind] = await scratch.SizeAsync(location, cancellationToken);
            var serverPid = kind == StoreKind.Postgres ? await PostgresServer.FindPostmasterAsync(postgres!, cancellationToken) : null;
            string[] common = ["--scale", SignalsChild.Text(scale), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--batch", batchNumber.ToString(CultureInfo.InvariantCulture)];
            if (only is null && !incrementOnly)
            {
                // The bar: the whole catalogue over the whole organisation, in one process, as a report or rule run does it.
                report.Rows.Add(await MeasureAsync(location, "all", "", SignalScope.OrgYear, [SignalsChild.Command, BenchNames.Of(kind), "all", "org-year", .. common], serverPid, timeout * 10, cancellationToken));
            }

            foreach (var signal in perSignal && !incrementOnly ? signals : [])
            {
                foreach (var scope in new[] { SignalScope.TeamQuarter, SignalScope.OrgYear })
                {
                    report.Rows.Add(await MeasureAsync(location, "signal", signal.Name, scope, [SignalsChild.Command, BenchNames.Of(kind), "signal", signal.Name, SignalsChild.Of(scope), .. common], serverPid, timeout, cancellationToken));
                }
            }

            if (kind == StoreKind.Postgres && !incrementOnly)
            {
                foreach (var aggregate in SqlAggregate.All)
                {
                    report.Rows.Add(await MeasureAsync(location, "sql", aggregate.Name, SignalScope.OrgYear, [SignalsChild.Command, "postgres", "sql", aggregate.Name, .. common], serverPid, timeout, cancellationToken));
                }
            }

            if (increment && only is null)
            {
                // The cache looks again at rows changed up to its margin (one minute here) before a watermark: an
                // organisation generated just now would count as changed, so the warm-up waits out the margin.
                if (report.Generations[^1].Took is not null)
                {
                    await Task.Delay(TimeSpan.FromMinutes(1.5), time, cancellationToken);
                }

                // The batch is idempotent: a second run over the same store writes the same records and changes none, so a
                // kept store is measured with a new batch number (--batch N: another copy, orgnew<N>).
                // The signal cache is warmed with the org-year of every signal before it, and asked again after it.
                report.Rows.Add(await MeasureAsync(location, "cached", "warm", SignalScope.OrgYearCached, [SignalsChild.Command, BenchNames.Of(kind), "cached", "warm", "org-year-cached", .. common], serverPid, timeout * 10, cancellationToken));
                report.Rows.Add(await MeasureAsync(location, "batch", "", SignalScope.LatestWeek, [SignalsChild.Command, BenchNames.Of(kind), "batch", .. common], serverPid, timeout * 10, cancellationToken));
                report.Rows.Add(await MeasureAsync(location, "all", "", SignalScope.LatestWeek, [SignalsChild.Command, BenchNames.Of(kind), "all", "latest-week", .. common], serverPid, timeout * 10, cancellationToken));
                report.Rows.Add(await MeasureAsync(location, "cached", "after-batch", SignalScope.OrgYearCached, [SignalsChild.Command, BenchNames.Of(kind), "cached", "after-batch", "org-year-cached", .. common], serverPid, timeout * 10, cancellationToken));
            }
        }

        report.LoadBefore = loadBefore;
        report.LoadAfter = SystemLoad.Read();
        Directory.CreateDirectory(output);
        var file = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"signals-{report.Date:yyyy-MM-dd}-{SignalsChild.Text(scale)}.md"));
        var text = report.Markdown();
        await File.WriteAllTextAsync(file, text, cancellationToken);
        await Console.Out.WriteLineAsync(text);
        await Console.Error.WriteLineAsync($"report: {file}");
        return report.Rows.Any(r => r.Result is null && r.Error is not null && !r.Error.StartsWith("timed out", StringComparison.Ordinal)) ? ExitCode.Failed : ExitCode.Ok;
    }

    /// <summary>Generates the organisation into the store unless a previous run finished doing so; counts its records.</summary>
    private static async Task<Generation> PrepareAsync(StoreKind kind, StoreLocation location, double scale, int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var store = await Store.OpenAsync(location, time, cancellationToken);
        var marker = string.Create(CultureInfo.InvariantCulture, $"signals{LargeOrganisation.Layout}-{SignalsChild.Text(scale)}-{seed}");
        TimeSpan? took = null;
        if (await store.GetCursorAsync("bench", marker, cancellationToken) is null)
        {
            await Console.Error.WriteLineAsync($"{BenchNames.Display(kind)}: generating the organisation at scale {SignalsChild.Text(scale)} (kept for later runs)");
            var clock = Stopwatch.StartNew();
            await LargeOrganisation.WriteAsync(store, LargeOrganisation.Copies(scale, seed), line => Console.Error.WriteLine($"  {line}"), cancellationToken);
            await using (var writer = await store.BeginWriteAsync(cancellationToken))
            {
                await writer.SetCursorAsync("bench", marker, "complete", cancellationToken);
                await writer.CommitAsync(cancellationToken);
            }

            took = clock.Elapsed;
        }
        else
        {
            await Console.Error.WriteLineAsync($"{BenchNames.Display(kind)}: reusing the organisation generated before ({location.Kind}: {(kind == StoreKind.Sqlite ? location.Target : "database kept")})");
        }

        var counts = new List<(string, long)>();
        foreach (var map in new EntityMap[] { Entities.TestResults, Entities.CiJobs, Entities.WorkflowRuns, Entities.PullRequests, Entities.Reviews, Entities.FileChanges, Entities.Commits, Entities.Deployments, Entities.Tickets, Entities.Incidents })
        {
            counts.Add((map.Table, await store.CountAsync(map, cancellationToken)));
        }

        return new Generation(kind, took, counts);
    }

    private static async Task<SignalMeasurement> MeasureAsync(
        StoreLocation location,
        string kind,
        string name,
        SignalScope scope,
        string[] arguments,
        int? serverPid,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var what = $"{BenchNames.Display(location.Kind)} {kind} {name} {SignalsChild.Of(scope)}".Replace("  ", " ", StringComparison.Ordinal);
        await Console.Error.WriteLineAsync(what);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var result = await MeasurementProcess.RunAsync(location, arguments, what, serverPid, limit.Token);
            await Console.Error.WriteLineAsync($"  {Units.Seconds(result.Wall)}, peak {Units.Bytes(result.PeakWorkingSetBytes)}");
            return new SignalMeasurement(location.Kind, kind, name, scope, result, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"  timed out after {Units.Seconds(timeout)}");
            return new SignalMeasurement(location.Kind, kind, name, scope, null, $"timed out after {Units.Seconds(timeout)}");
        }
        catch (MeasurementException e)
        {
            await Console.Error.WriteLineAsync($"  failed: {e.Message}");
            return new SignalMeasurement(location.Kind, kind, name, scope, null, e.Message);
        }
    }
}
