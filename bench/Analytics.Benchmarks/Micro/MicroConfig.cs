using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Analytics.Benchmarks.Micro;

/// <summary>
/// One short in-process job: no generated project to build (it would inherit the repository's warnings-as-errors
/// build settings), and few iterations, since each invocation already handles 50,000 rows. Six warm-up iterations let
/// tiered compilation finish: with two, the first measured parses still ran unoptimised code and took twice as long.
/// </summary>
internal sealed class MicroConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public MicroConfig() =>
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(10)
            .WithId("in-process"));
}
