using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>A work item (a Jira issue, say). Keyed by (<see cref="Source"/>, <see cref="Key"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Key">Its key there, such as <c>PAY-123</c>.</param>
/// <param name="Project">Its project.</param>
/// <param name="Type">Its type (story, bug, task…), as the source names it.</param>
/// <param name="Title">Its summary.</param>
/// <param name="Status">Its current status, as the source names it.</param>
/// <param name="Category">Its current status category.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed upstream.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
/// <param name="StoryPoints">Its estimate, when the team estimates.</param>
/// <param name="Sprint">Its current (latest) sprint.</param>
/// <param name="Assignee">The assignee's account in <see cref="Source"/>.</param>
/// <param name="Reporter">The reporter's account in <see cref="Source"/>.</param>
/// <param name="Priority">Its priority, as the source names it.</param>
/// <param name="ParentKey">Its parent or epic.</param>
/// <param name="Labels">Its labels.</param>
public sealed record Ticket(
    string Source,
    string Key,
    string Project,
    string Type,
    string Title,
    string Status,
    StatusCategory Category,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    double? StoryPoints,
    string? Sprint,
    string? Assignee,
    string? Reporter,
    string? Priority,
    string? ParentKey,
    ValueList<string> Labels) : IRecord
{
    /// <summary>Its key.</summary>
    public string Key { get; init => field = Guard.NotBlank(value, nameof(Key)); } = Guard.NotBlank(Key);

    /// <summary>Its components (Jira's <c>components</c>); empty by default.</summary>
    public ValueList<string> Components { get; init; } = ValueList<string>.Empty;

    /// <summary>When it was resolved; never before it was created.</summary>
    public DateTimeOffset? ResolvedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(ResolvedAt), nameof(CreatedAt)); } = Guard.NotBefore(ResolvedAt, CreatedAt);
}
