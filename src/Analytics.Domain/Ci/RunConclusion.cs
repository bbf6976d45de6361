namespace Analytics.Domain.Ci;

/// <summary>How a finished CI run, job or step ended.</summary>
public enum RunConclusion
{
    /// <summary>Passed.</summary>
    Success,

    /// <summary>Failed.</summary>
    Failure,

    /// <summary>Cancelled by a person or a newer run.</summary>
    Cancelled,

    /// <summary>Skipped by a condition.</summary>
    Skipped,

    /// <summary>Exceeded its time limit.</summary>
    TimedOut,

    /// <summary>Neither passed nor failed.</summary>
    Neutral,

    /// <summary>Needs a person's action to continue.</summary>
    ActionRequired,

    /// <summary>Could not start (a broken workflow file, say).</summary>
    StartupFailure,

    /// <summary>Superseded before it completed.</summary>
    Stale,
}
