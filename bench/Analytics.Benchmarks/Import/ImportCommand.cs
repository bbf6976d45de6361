using System.Globalization;
using Analytics.Benchmarks.Cli;
using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// <c>import [--rows N] [--repeat K] [--seed S] [--postgres CONNECTION] [--stores sqlite,postgres] [--out DIR] [--work DIR] [--keep]</c>:
/// runs the import benchmark, prints the summary table to stdout and writes the results file.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The environment variable that gives the PostgreSQL connection string when <c>--postgres</c> does not.</summary>
    public const string PostgresVariable = "ANALYTICS_BENCH_POSTGRES";

    /// <summary>The usage text.</summary>
    public const string Usage = """
          import [--rows N] [--repeat K] [--seed S] [--postgres CONNECTION] [--stores sqlite,postgres] [--out DIR] [--work DIR] [--keep]
              --rows N          rows per measurement (default 1,000,000)
              --repeat K        measure each path K times, report the median run (default 1)
              --seed S          generator seed (default 42)
              --postgres C      Npgsql connection string of a server where scratch databases may be created
                                (default: $ANALYTICS_BENCH_POSTGRES; without either, PostgreSQL is skipped)
              --stores LIST     which stores, in order (default: sqlite, and postgres when a connection is given)
              --out DIR         where import-<date>.md goes (default: bench/results of this repository)
              --work DIR        where the temporary CSV file and SQLite stores go (default: the system temp dir)
              --keep            keep the temporary directory
        """;

    /// <summary>Runs the command.</summary>
    public static async Task<ExitCode> RunAsync(Arguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = Read(args);
        var run = await ImportBenchmark.RunAsync(settings, time, cancellationToken);

        Directory.CreateDirectory(settings.OutputDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"import-{run.MeasuredAt:yyyy-MM-dd}")
            + (settings.Rows == Import.BenchData.DefaultRows ? "" : string.Create(CultureInfo.InvariantCulture, $"-{settings.Rows}-rows"));
        var file = Path.Combine(settings.OutputDirectory, name + ".md");
        await File.WriteAllTextAsync(file, ImportReport.Document(run), cancellationToken);

        await Console.Out.WriteLineAsync(ImportReport.Summary(run));
        await Console.Error.WriteLineAsync($"[bench] wrote {file}");
        return ExitCode.Ok;
    }

    private static ImportSettings Read(Arguments args)
    {
        var rows = args.IntOption("--rows", BenchData.DefaultRows, 1, int.MaxValue);
        var repeat = args.IntOption("--repeat", 1, 1, 99);
        var seed = args.IntOption("--seed", BenchData.DefaultSeed, 0, int.MaxValue);
        var postgres = args.Option("--postgres") ?? NonEmpty(Environment.GetEnvironmentVariable(PostgresVariable));
        var storesText = args.Option("--stores");
        var output = args.Option("--out") ?? DefaultOutput();
        var work = args.Option("--work") ?? Path.GetTempPath();
        var keep = args.Flag("--keep");
        args.RejectRest();

        IReadOnlyList<StoreKind> stores = storesText is null
            ? postgres is null ? [StoreKind.Sqlite] : [StoreKind.Sqlite, StoreKind.Postgres]
            : storesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(BenchNames.StoreKindOf).Distinct().ToList();
        if (stores.Count == 0)
        {
            throw new UsageException("--stores names no store; use sqlite, postgres or both");
        }

        if (stores.Contains(StoreKind.Postgres) && postgres is null)
        {
            throw new UsageException($"--stores postgres needs a connection string: --postgres or {PostgresVariable}");
        }

        if (postgres is null)
        {
            Console.Error.WriteLine($"[bench] PostgreSQL skipped: no --postgres and no {PostgresVariable}");
        }

        return new ImportSettings(rows, seed, repeat, stores, stores.Contains(StoreKind.Postgres) ? postgres : null, Path.GetFullPath(output), work, keep);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary><c>bench/results</c> of the repository the program was built in; <c>./results</c> outside one.</summary>
    private static string DefaultOutput()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
            {
                return Path.Combine(directory.FullName, "bench", "results");
            }
        }

        return "results";
    }
}
