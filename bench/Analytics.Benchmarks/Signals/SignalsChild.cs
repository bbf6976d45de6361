using System.Globalization;
using Analytics.Benchmarks.Cli;
using Analytics.Benchmarks.Import;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;
using Npgsql;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// <c>--signals-single &lt;sqlite|postgres&gt; &lt;signal NAME SCOPE | sql NAME | batch | holdback --hours H --dir D | restore --dir D | all SCOPE | cached STEP SCOPE [--dir D]&gt; --scale X --seed S</c>:
/// one measurement of the signals benchmark in a process of its own (started by <see cref="MeasurementProcess"/>; the
/// store's target comes in <see cref="SingleMeasurement.TargetVariable"/>). Prints one result line whose
/// <see cref="Measurement.Rows"/> are the values computed (series points, SQL rows or records written) and whose
/// <see cref="Measurement.Changed"/> are the series (or records changed; for <c>cached</c>, the windows recomputed).
/// </summary>
internal static class SignalsChild
{
    /// <summary>The command word.</summary>
    public const string Command = "--signals-single";

    /// <summary>
    /// The <c>cached</c> step that measures the pass after the batch in a running host: the warm pass, then the batch
    /// written back from <c>--dir</c> (as <c>restore</c> does), then the measured pass, all in one process.
    /// </summary>
    public const string InHostStep = "in-host";

    /// <summary>Runs the measurement and prints its result line.</summary>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = BenchNames.StoreKindOf(args.Word("a store (sqlite or postgres)"));
        var what = args.Word("what to measure (signal, sql, batch, holdback, restore, all or cached)");
        var name = what is "signal" or "sql" or "cached" ? args.Word("a name") : null;
        var scope = what is "signal" or "all" or "cached" ? ScopeOf(args.Word("a scope")) : SignalScope.OrgYear;
        var scale = SignalsCommand.ScaleOption(args);
        var seed = args.IntOption("--seed", BenchData.DefaultSeed, 0, int.MaxValue);
        var batchNumber = args.IntOption("--batch", 1, 1, 1_000);
        var hours = what == "holdback" ? args.IntOption("--hours", 72, 1, 24 * 365) : 0;
        var inHost = what == "cached" && name == InHostStep;
        var warm = what is "signal" or "sql" && args.Flag(WarmFlag);
        var directory = what is "holdback" or "restore" || inHost ? args.Option("--dir") ?? throw new UsageException($"{(inHost ? "cached " + InHostStep : what)} needs --dir") : null;
        args.RejectRest();

        var target = Environment.GetEnvironmentVariable(SingleMeasurement.TargetVariable)
            ?? throw new UsageException($"{Command} needs the store's target in {SingleMeasurement.TargetVariable}");
        await using var store = await Store.OpenAsync(new StoreLocation(kind, target), time, cancellationToken);
        var copies = LargeOrganisation.Copies(scale, seed);
        var batch = LargeOrganisation.Batch(scale, seed, batchNumber);
        var request = Request(store, scope is SignalScope.LatestWeek or SignalScope.OrgYearCached ? [.. copies, batch] : copies, scope);

        Measurement measurement;
        switch (what)
        {
            case "signal":
                var signal = SignalCatalog.Find(name!) ?? throw new UsageException($"unknown signal '{name}'");
                if (warm)
                {
                    // A request of its own: the measured one must read and compute everything again.
                    await signal.ComputeAsync(Request(store, copies, scope), cancellationToken);
                }

                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct =>
                    {
                        var series = await signal.ComputeAsync(request, ct);
                        if (SeriesDigest.Wanted)
                        {
                            SeriesDigest.Write(signal.Name, series);
                        }

                        return Count(series);
                    },
                    cancellationToken);
                break;
            case "all":
                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct =>
                    {
                        (long Points, long Series) total = (0, 0);
                        if (Environment.GetEnvironmentVariable(ProfileVariable) is "1")
                        {
                            return await ProfileAsync(request, ct);
                        }

                        var all = await SignalBatch.ComputeAsync(SignalCatalog.All, request, Environment.ProcessorCount, ct);
                        for (var i = 0; i < all.Count; i++)
                        {
                            var series = all[i];
                            if (SeriesDigest.Wanted)
                            {
                                SeriesDigest.Write(SignalCatalog.All[i].Name, series);
                            }

                            var (points, count) = Count(series);
                            total = (total.Points + points, total.Series + count);
                        }

                        return total;
                    },
                    cancellationToken);
                break;
            case "cached":
                // Every signal through the signal cache: the first run ("warm") computes and caches every window; after
                // the batch ("after-batch") only the windows the batch reached are computed again.
                // The benchmark's writes commit within seconds, so a one-minute margin is safe here; the default ten
                // minutes would count the organisation generated just before the warm-up as changed (bench/README.md).
                var cache = new Analytics.Signals.Incremental.SignalCache(time)
                {
                    Margin = TimeSpan.FromMinutes(1),
                    Trace = Environment.GetEnvironmentVariable(ProfileVariable) is "1" ? line => Console.Error.WriteLine("  " + line) : null,
                };
                var cachedRequest = request;
                if (inHost)
                {
                    // A running host (analytics serve): the warm pass and the batch's write happen in this process before
                    // the clock starts, so the pass after the batch finds the code it runs compiled, as a scheduled pass
                    // does. A request of its own, as each scheduled pass builds: the warm one's shared loads predate the batch.
                    await cache.ComputeAllAsync(SignalCatalog.All, request, Environment.ProcessorCount, cancellationToken);
                    await RecentBatch.RestoreAsync(store, directory!, line => Console.Error.WriteLine(line), cancellationToken);
                    cachedRequest = Request(store, [.. copies, batch], scope);
                }

                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct =>
                    {
                        (long Points, long Recomputed) total = (0, 0);
                        var results = await cache.ComputeAllAsync(SignalCatalog.All, cachedRequest, Environment.ProcessorCount, ct);
                        for (var i = 0; i < results.Count; i++)
                        {
                            var result = results[i];
                            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                                $"  {SignalCatalog.All[i].Name}: {result.Outcome}, {result.WindowsRecomputed} windows recomputed, {result.WindowsReused} reused, {result.ChangedRows} changed rows ({result.Reason})"));
                            total = (total.Points + Count(result.Series).Points, total.Recomputed + result.WindowsRecomputed);
                        }

                        return total;
                    },
                    cancellationToken);
                break;
            case "sql":
                var aggregate = SqlAggregate.All.FirstOrDefault(a => a.Name == name) ?? throw new UsageException($"unknown SQL aggregate '{name}'");
                if (kind != StoreKind.Postgres)
                {
                    throw new UsageException("the SQL aggregates are PostgreSQL's");
                }

                await using (var connection = new NpgsqlConnection(target))
                {
                    await connection.OpenAsync(cancellationToken);
                    if (warm)
                    {
                        await QueryAsync(connection, aggregate.Sql, request, cancellationToken);
                    }

                    measurement = await SingleMeasurement.MeasureAsync(kind, ct => QueryAsync(connection, aggregate.Sql, request, ct), cancellationToken);
                }

                break;
            case "batch":
                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct => (await LargeOrganisation.WriteAsync(store, [batch], line => Console.Error.WriteLine(line), ct), 0),
                    cancellationToken);
                break;
            case "holdback":
                // Not a measurement of its own: the first step of the recent batch (RecentBatch), before the warm pass.
                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct => (await RecentBatch.HoldBackAsync(store, LargeOrganisation.End, hours, directory!, line => Console.Error.WriteLine(line), ct), 0),
                    cancellationToken);
                break;
            case "restore":
                measurement = await SingleMeasurement.MeasureAsync(
                    kind,
                    async ct => (await RecentBatch.RestoreAsync(store, directory!, line => Console.Error.WriteLine(line), ct), 0),
                    cancellationToken);
                break;
            default:
                throw new UsageException($"unknown measurement '{what}'; use signal, sql, batch, holdback, restore, all or cached");
        }

        await Console.Out.WriteLineAsync(SingleMeasurement.Format(measurement));
        return ExitCode.Ok;
    }

    /// <summary>
    /// With <c>signal</c> or <c>sql</c>: compute it once before the measured run (the signal over a request of its own, so
    /// nothing is shared), so that the measurement leaves out the runtime's start (JIT) and cold caches, as a running host
    /// or a database server has them: the computation's own cost, side by side with the SQL's.
    /// </summary>
    public const string WarmFlag = "--warm";

    /// <summary>
    /// Set to 1, <c>cached</c> writes where the pass's time goes (<c>SignalCache.Trace</c>: planning, each round, finishing) and
    /// <c>all</c> computes the signals one at a time and writes each one's wall time, CPU time and allocation
    /// to standard error (a shared analysis counts against the first signal that needs it), and the heap still live after it
    /// (after a full collection, outside the times): where the time and the memory go.
    /// </summary>
    public const string ProfileVariable = "ANALYTICS_BENCH_PROFILE";

    private static async Task<(long Points, long Series)> ProfileAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        (long Points, long Series) total = (0, 0);
        foreach (var signal in SignalCatalog.All)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetTotalAllocatedBytes();
            var (points, count) = Count(await signal.ComputeAsync(request, cancellationToken));
            total = (total.Points + points, total.Series + count);
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{signal.Name,-36} {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,8:0.00} s wall {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds,8:0.00} s CPU {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0,9:0} MiB allocated {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0,7:0} MiB live after"));
        }

        return total;
    }

    /// <summary>The scope's command-line word.</summary>
    public static string Of(SignalScope scope) => scope switch
    {
        SignalScope.TeamQuarter => "team-quarter",
        SignalScope.OrgYear => "org-year",
        SignalScope.OrgYearCached => "org-year-cached",
        _ => "latest-week",
    };

    private static SignalScope ScopeOf(string word) => word switch
    {
        "team-quarter" => SignalScope.TeamQuarter,
        "org-year" => SignalScope.OrgYear,
        "latest-week" => SignalScope.LatestWeek,
        "org-year-cached" => SignalScope.OrgYearCached,
        _ => throw new UsageException($"unknown scope '{word}'; use team-quarter, org-year or latest-week"),
    };

    private static SignalRequest Request(IStore store, IReadOnlyList<Collectors.Simulation.SimulationOptions> copies, SignalScope scope)
    {
        var (teams, people) = LargeOrganisation.Teams(copies);
        var end = LargeOrganisation.End;
        return scope switch
        {
            SignalScope.TeamQuarter => new SignalRequest(store, [teams[0]], people, new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Granularity.Week),
            SignalScope.OrgYear or SignalScope.OrgYearCached => new SignalRequest(store, teams, people, end.AddDays(-365), end, Granularity.Week),
            _ => new SignalRequest(store, teams, people, end.AddDays(-7), end, Granularity.Week),
        };
    }

    private static (long Points, long Series) Count(IReadOnlyList<Series> series) =>
        (series.Sum(s => (long)s.Points.Count), series.Count);

    private static async Task<(long Rows, long Changed)> QueryAsync(NpgsqlConnection connection, string sql, SignalRequest request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", request.From);
        command.Parameters.AddWithValue("to", request.To);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
        }

        return (rows, 0);
    }

    /// <summary>Formats a scale for names and reports (<c>0.01</c>, <c>1</c>).</summary>
    public static string Text(double scale) => scale.ToString("0.####", CultureInfo.InvariantCulture);
}
