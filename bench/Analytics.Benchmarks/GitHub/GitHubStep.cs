namespace Analytics.Benchmarks.GitHub;

/// <summary>The three collection runs the GitHub benchmark measures, in the order it runs them on one store.</summary>
internal enum GitHubStep
{
    /// <summary>The first run on an empty store, backfilling everything from the data's start (<c>collect github --backfill --since …</c>).</summary>
    Backfill,

    /// <summary>The next run, with nothing changed upstream: should cost no primary-limit points.</summary>
    Unchanged,

    /// <summary>A run after 1 % of the pull requests changed upstream (half got a new review, half a new title).</summary>
    Changed,
}
