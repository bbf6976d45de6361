using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>A sprint (a Jira Software sprint, say). Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there (Jira's sprint id).</param>
/// <param name="Name">Its name, such as <c>PAY Sprint 42</c>; <see cref="Ticket.Sprint"/> holds this name.</param>
/// <param name="Board">The board (or team) it belongs to, as the source names it.</param>
/// <param name="StartAt">When it started; null while it is only planned.</param>
/// <param name="EndAt">When it is planned to end.</param>
/// <param name="CompletedAt">When it was closed; null while it runs.</param>
public sealed record Sprint(
    string Source,
    string SourceId,
    string Name,
    string Board,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    DateTimeOffset? CompletedAt) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>Its name.</summary>
    public string Name { get; init => field = Guard.NotBlank(value, nameof(Name)); } = Guard.NotBlank(Name);

    /// <summary>When it is planned to end; never before it started.</summary>
    public DateTimeOffset? EndAt { get; init => field = Guard.NotBefore(value, StartAt, nameof(EndAt), nameof(StartAt)); } = Guard.NotBefore(EndAt, StartAt);

    /// <summary>When it was closed; never before it started.</summary>
    public DateTimeOffset? CompletedAt { get; init => field = Guard.NotBefore(value, StartAt, nameof(CompletedAt), nameof(StartAt)); } = Guard.NotBefore(CompletedAt, StartAt);
}
