using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>What one measured run (one child process) did and cost.</summary>
/// <param name="Store">The store written to.</param>
/// <param name="Path">The import path measured; null for measurements of other work.</param>
/// <param name="Rows">Rows handed to the store.</param>
/// <param name="Changed">Rows the store inserted or changed.</param>
/// <param name="Wall">Wall-clock time of the measured work (the store already open, its schema migrated).</param>
/// <param name="Cpu">CPU time (user + system) of the benchmark process during the work; the database server's is not in it.</param>
/// <param name="PeakWorkingSetBytes">The process's peak resident set (Linux VmHWM) at the end: everything, native SQLite included.</param>
/// <param name="StartPeakWorkingSetBytes">The same peak just before the work began: the cost of the runtime and an open store.</param>
/// <param name="PeakManagedHeapBytes">The largest managed heap seen by a 50 ms sampler during the work.</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the work (<c>GC.GetTotalAllocatedBytes(true)</c>).</param>
/// <param name="Gen0Collections">Generation 0 collections during the work.</param>
/// <param name="Gen1Collections">Generation 1 collections during the work.</param>
/// <param name="Gen2Collections">Generation 2 collections during the work.</param>
/// <param name="GcPause">Time the garbage collector paused the process during the work.</param>
/// <param name="JitTime">Time spent compiling methods (all threads, tiered re-compilation included) during the work.</param>
/// <param name="ServerCpu">CPU time of the local PostgreSQL server (postmaster and its children) during the work; null for SQLite or a remote server.</param>
/// <param name="OtherCpu">CPU time the rest of the machine used during the work: neither this process nor the database server.</param>
/// <param name="Steal">CPU time the hypervisor gave to other virtual machines while this one wanted it, during the work.</param>
internal sealed record Measurement(
    StoreKind Store,
    ImportPath? Path,
    long Rows,
    long Changed,
    TimeSpan Wall,
    TimeSpan Cpu,
    long PeakWorkingSetBytes,
    long StartPeakWorkingSetBytes,
    long PeakManagedHeapBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    TimeSpan GcPause,
    TimeSpan JitTime,
    TimeSpan? ServerCpu,
    TimeSpan OtherCpu,
    TimeSpan Steal)
{
    /// <summary>Rows per second of wall time.</summary>
    public double RowsPerSecond => Rows / Wall.TotalSeconds;
}
