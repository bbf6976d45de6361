using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Places a row by the rows whose text mentions its key: a ticket by the pull requests whose title or branch names it
/// (<c>TicketReferences</c>), which the work mix types by the ticket. Unlike <see cref="TimeVia"/>, a row no other row
/// mentions changes nothing through them. Equality is by value, the lists by reference.
/// </summary>
/// <param name="Column">The row's key column (a ticket's <c>key</c>).</param>
/// <param name="Target">The mentioning rows' entity.</param>
/// <param name="TextColumns">Its text columns searched for keys.</param>
/// <param name="TimeColumns">Its time columns that place the row.</param>
public sealed record Mentions(string Column, EntityMap Target, IReadOnlyList<string> TextColumns, IReadOnlyList<string> TimeColumns);
