using Analytics.Collectors.Simulation;
using Analytics.Domain.Testing;

namespace Analytics.Benchmarks.Import;

/// <summary>The benchmark's data: the same deterministic test results in every run, whatever the clock says.</summary>
internal static class BenchData
{
    /// <summary>Rows per <c>UpsertAsync</c> call on the store-upsert path: the importer's batch size.</summary>
    public const int BatchSize = 5_000;

    /// <summary>The default number of rows.</summary>
    public const int DefaultRows = 1_000_000;

    /// <summary>The default seed of <see cref="TestResultStream"/>.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The latest instant of any generated result: fixed, so every run writes identical rows.</summary>
    public static readonly DateTimeOffset End = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The results, lazily.</summary>
    public static IEnumerable<TestResult> Generate(int rows, int seed) => TestResultStream.Generate(rows, seed, End);
}
