using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>The measurements of one path on one store, repeated, and what the driver learnt afterwards.</summary>
/// <param name="Store">The store.</param>
/// <param name="Path">The path.</param>
/// <param name="Runs">Every measurement, in the order they ran (at least one).</param>
/// <param name="StoreBytes">The store's size on disk right after the last measurement.</param>
internal sealed record PathResult(StoreKind Store, ImportPath Path, IReadOnlyList<Measurement> Runs, long StoreBytes)
{
    /// <summary>The run with the median wall time (the slower middle one for an even count): the one the report quotes.</summary>
    public Measurement Median => Runs.OrderBy(r => r.Wall).ElementAt(Runs.Count / 2);

    /// <summary>The lowest throughput of the runs.</summary>
    public double SlowestRowsPerSecond => Runs.Min(r => r.RowsPerSecond);

    /// <summary>The highest throughput of the runs.</summary>
    public double FastestRowsPerSecond => Runs.Max(r => r.RowsPerSecond);

    /// <summary>The largest peak working set of the runs.</summary>
    public long MaxPeakWorkingSetBytes => Runs.Max(r => r.PeakWorkingSetBytes);
}
