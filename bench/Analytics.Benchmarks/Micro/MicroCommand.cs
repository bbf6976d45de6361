using Analytics.Benchmarks.Cli;
using BenchmarkDotNet.Running;

namespace Analytics.Benchmarks.Micro;

/// <summary><c>micro [BenchmarkDotNet options]</c>: the BenchmarkDotNet micro-benchmarks (Release builds only).</summary>
internal static class MicroCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
          micro [BenchmarkDotNet options]
              CSV parsing, SQLite upsert and CSV import of 50,000 rows (BenchmarkDotNet, in process; needs -c Release)
        """;

    /// <summary>Runs the benchmarks; fails when one of them failed.</summary>
    public static ExitCode Run(string[] args)
    {
        var summary = BenchmarkRunner.Run<CsvImportBenchmarks>(config: null, args);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? ExitCode.Failed : ExitCode.Ok;
    }
}
