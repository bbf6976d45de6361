namespace Analytics.Collectors.Tests.Jira;

/// <summary>An issue the fake Jira serves; dates are sent in Jira's <c>+hhmm</c> form with the offset given here.</summary>
public sealed record FakeJiraIssue(string Id, string Key, string Type, string StatusId, DateTimeOffset Created, DateTimeOffset Updated)
{
    public string Summary { get; init; } = "Something to do";

    public DateTimeOffset? Resolved { get; init; }

    public string? Priority { get; init; }

    public string? Assignee { get; init; }

    public double? Points { get; init; }

    public string[] Sprints { get; init; } = [];

    public string? Service { get; init; }

    public string[] Labels { get; init; } = ["backend"];

    public string? DeploymentField { get; init; }

    public List<FakeJiraHistory> Histories { get; init; } = [];
}
