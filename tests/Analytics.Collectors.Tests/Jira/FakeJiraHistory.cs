namespace Analytics.Collectors.Tests.Jira;

/// <summary>A status change in a fake issue's changelog.</summary>
public sealed record FakeJiraHistory(string Id, DateTimeOffset Created, string Author, string? FromStatusId, string ToStatusId);
