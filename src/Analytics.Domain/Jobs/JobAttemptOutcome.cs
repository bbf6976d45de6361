namespace Analytics.Domain.Jobs;

/// <summary>How one attempt of a scheduled job ended. Stored by name; the default (<see cref="Running"/>) means not ended.</summary>
public enum JobAttemptOutcome
{
    /// <summary>Still running (or its node stopped before it could say otherwise).</summary>
    Running,

    /// <summary>Finished without error.</summary>
    Succeeded,

    /// <summary>Failed; a retry is scheduled.</summary>
    FailedWillRetry,

    /// <summary>Failed and no retries are left.</summary>
    Failed,

    /// <summary>Its node stopped (killed, lost or shut down) before it ended; the job was run again by a node.</summary>
    Abandoned,
}
