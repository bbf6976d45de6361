using Analytics.Benchmarks.Cli;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// <c>--single &lt;sqlite|postgres&gt; &lt;upsert|import|reimport&gt; --rows N --seed S [--file CSV]</c>: one measurement,
/// run by <see cref="MeasurementProcess"/> in a child process; the store's target comes in
/// <see cref="SingleMeasurement.TargetVariable"/>.
/// </summary>
internal static class SingleCommand
{
    /// <summary>Runs the measurement and prints its result line.</summary>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var store = BenchNames.StoreKindOf(args.Word("a store (sqlite or postgres)"));
        var path = BenchNames.PathOf(args.Word("a path (upsert, import or reimport)"));
        var rows = args.IntOption("--rows", BenchData.DefaultRows, 1, int.MaxValue);
        var seed = args.IntOption("--seed", BenchData.DefaultSeed, 0, int.MaxValue);
        var file = args.Option("--file");
        args.RejectRest();

        var measurement = await SingleMeasurement.RunAsync(store, path, rows, seed, file, time, cancellationToken);
        await Console.Out.WriteLineAsync(SingleMeasurement.Format(measurement));
        return ExitCode.Ok;
    }
}
