namespace Analytics.Collectors.Tests.Statuspage;

/// <summary>An incident the fake Statuspage serves; times are written at <see cref="WireOffset"/>.</summary>
public sealed record FakeStatuspageIncident(string Id, DateTimeOffset CreatedAt, string Status)
{
    public string Impact { get; init; } = "minor";

    public string[] Components { get; init; } = [];

    /// <summary>(status, created at, display at or null).</summary>
    public List<(string Status, DateTimeOffset At, DateTimeOffset? DisplayAt)> Updates { get; init; } = [];

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ScheduledFor { get; init; }

    public TimeSpan WireOffset { get; init; } = TimeSpan.Zero;
}
