namespace Analytics.Signals.CiCost;

/// <summary>What decides whether a job's minutes were wasted, before the flaky-test analysis says why (flags; default none).</summary>
[Flags]
internal enum JobOutcome : byte
{
    /// <summary>Passed (or was cancelled) and was not run again.</summary>
    None = 0,

    /// <summary>Failed or timed out.</summary>
    Failed = 1,

    /// <summary>A later attempt of its run has a job of the same name (finished or not).</summary>
    Rerun = 2,
}
