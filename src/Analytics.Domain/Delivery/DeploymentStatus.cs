namespace Analytics.Domain.Delivery;

/// <summary>The latest state of a deployment.</summary>
public enum DeploymentStatus
{
    /// <summary>Created, not started.</summary>
    Pending,

    /// <summary>Rolling out.</summary>
    InProgress,

    /// <summary>Live.</summary>
    Success,

    /// <summary>Failed to roll out.</summary>
    Failure,

    /// <summary>Broke for a reason outside the change.</summary>
    Error,

    /// <summary>Replaced by a later deployment.</summary>
    Inactive,

    /// <summary>Stopped before finishing.</summary>
    Cancelled,
}
