namespace Analytics.Domain.Ci;

/// <summary>Where a CI run, job or step is in its life.</summary>
public enum RunStatus
{
    /// <summary>Waiting for a runner.</summary>
    Queued,

    /// <summary>Running.</summary>
    InProgress,

    /// <summary>Waiting for an approval or a concurrency slot.</summary>
    Waiting,

    /// <summary>Finished; see the conclusion.</summary>
    Completed,
}
