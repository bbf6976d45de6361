namespace Analytics.Collectors.Tests.Opsgenie;

/// <summary>An incident or alert the fake Opsgenie serves. Times are written at <see cref="WireOffset"/>.</summary>
public sealed record FakeOpsgenieItem(string Id, DateTimeOffset CreatedAt, string Status)
{
    public string Message { get; init; } = "Something broke";

    public string Priority { get; init; } = "P3";

    public string[] Tags { get; init; } = [];

    public string? OwnerTeam { get; init; }

    public string? Integration { get; init; }

    public string[] Users { get; init; } = [];

    /// <summary>Alerts: milliseconds from creation to the first acknowledgement.</summary>
    public long? AckTime { get; init; }

    /// <summary>Alerts: milliseconds from creation to closing.</summary>
    public long? CloseTime { get; init; }

    public string? AcknowledgedBy { get; init; }

    public string? ClosedBy { get; init; }

    /// <summary>Incidents: when the impact ended.</summary>
    public DateTimeOffset? ImpactEnd { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public TimeSpan WireOffset { get; init; } = TimeSpan.Zero;
}
