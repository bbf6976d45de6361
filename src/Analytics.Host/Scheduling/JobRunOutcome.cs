namespace Analytics.Host.Scheduling;

/// <summary>How a job run ended.</summary>
internal enum JobRunOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Finished without error.</summary>
    Succeeded,

    /// <summary>Failed; a retry is scheduled (<see cref="JobRun.NextRetryAt"/>).</summary>
    FailedWillRetry,

    /// <summary>Failed and no retries are left: the job's final failed state until its next scheduled run.</summary>
    Failed,

    /// <summary>Its node stopped (killed, lost or shut down) before it ended; the job was run again by a node.</summary>
    Abandoned,
}
