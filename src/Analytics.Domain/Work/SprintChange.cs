using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>
/// A ticket entering or leaving a sprint: the history of sprint membership, from which committed scope (members at the
/// sprint's start), scope added later and carry-over are read. Jira's changelog records these as changes of the
/// <c>Sprint</c> field; one change that moves a ticket from one sprint to another gives two records. Keyed by
/// (<see cref="Source"/>, <see cref="TicketKey"/>, <see cref="ChangeId"/>, <see cref="SprintId"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="TicketKey">The ticket's <see cref="Ticket.Key"/>.</param>
/// <param name="ChangeId">The change's id in the source (Jira's changelog history id).</param>
/// <param name="SprintId">The sprint's <see cref="Sprint.SourceId"/>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">Whether the ticket entered or left the sprint.</param>
public sealed record SprintChange(
    string Source,
    string TicketKey,
    string ChangeId,
    string SprintId,
    DateTimeOffset At,
    SprintChangeKind Kind) : IRecord
{
    /// <summary>The ticket.</summary>
    public string TicketKey { get; init => field = Guard.NotBlank(value, nameof(TicketKey)); } = Guard.NotBlank(TicketKey);

    /// <summary>The change's id.</summary>
    public string ChangeId { get; init => field = Guard.NotBlank(value, nameof(ChangeId)); } = Guard.NotBlank(ChangeId);

    /// <summary>The sprint.</summary>
    public string SprintId { get; init => field = Guard.NotBlank(value, nameof(SprintId)); } = Guard.NotBlank(SprintId);
}
