using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>
/// One status change of a ticket; every transition is kept, so cycle times can be measured between any two statuses.
/// Keyed by (<see cref="Source"/>, <see cref="TicketKey"/>, <see cref="ChangeId"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="TicketKey">The ticket's <see cref="Ticket.Key"/>.</param>
/// <param name="ChangeId">The change's id in the source (Jira's changelog history id).</param>
/// <param name="At">When it happened.</param>
/// <param name="FromStatus">The status it left; null for the first status.</param>
/// <param name="ToStatus">The status it entered.</param>
/// <param name="FromCategory">The category it left.</param>
/// <param name="ToCategory">The category it entered.</param>
/// <param name="Author">Who moved it, as an account in <see cref="Source"/>.</param>
public sealed record TicketTransition(
    string Source,
    string TicketKey,
    string ChangeId,
    DateTimeOffset At,
    string? FromStatus,
    string ToStatus,
    StatusCategory? FromCategory,
    StatusCategory ToCategory,
    string? Author) : IRecord
{
    /// <summary>The ticket.</summary>
    public string TicketKey { get; init => field = Guard.NotBlank(value, nameof(TicketKey)); } = Guard.NotBlank(TicketKey);

    /// <summary>The change's id.</summary>
    public string ChangeId { get; init => field = Guard.NotBlank(value, nameof(ChangeId)); } = Guard.NotBlank(ChangeId);
}
