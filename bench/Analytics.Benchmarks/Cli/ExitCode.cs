namespace Analytics.Benchmarks.Cli;

/// <summary>The benchmark program's exit codes.</summary>
internal enum ExitCode
{
    /// <summary>Every measurement ran and checked out.</summary>
    Ok = 0,

    /// <summary>A measurement failed, or its result was wrong (a row count, an import refused).</summary>
    Failed = 1,

    /// <summary>The command line was wrong; one line on stderr says why.</summary>
    UsageError = 2,

    /// <summary>Cancelled with Ctrl+C.</summary>
    Cancelled = 130,
}
