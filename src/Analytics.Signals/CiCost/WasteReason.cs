namespace Analytics.Signals.CiCost;

/// <summary>Why a job's minutes were wasted (definitions: <c>docs/signals/ci.cost.md</c>); the default is <see cref="None"/>.</summary>
internal enum WasteReason : byte
{
    /// <summary>Not wasted.</summary>
    None,

    /// <summary><see cref="CiUsage.Flaky"/>.</summary>
    Flaky,

    /// <summary><see cref="CiUsage.Failed"/>.</summary>
    Failed,

    /// <summary><see cref="CiUsage.Rerun"/>.</summary>
    Rerun,
}
