namespace Analytics.Collectors.Tests.PagerDuty;

/// <summary>An incident the fake PagerDuty serves, with its log entries.</summary>
public sealed record FakePagerDutyIncident(string Id, DateTimeOffset CreatedAt, string Status)
{
    public string ServiceId { get; init; } = "PSVC1";

    public string ServiceName { get; init; } = "Payments API";

    public string Urgency { get; init; } = "high";

    public string? Priority { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string[] Assignees { get; init; } = [];

    /// <summary>(type, at, agent user id or null for a service agent, assignee user ids).</summary>
    public List<(string Type, DateTimeOffset At, string? User, string[] Assignees)> LogEntries { get; init; } = [];
}
