namespace Analytics.Storage.Caching;

/// <summary>
/// A record of domain rows deleted from one table in one write (deleted rows leave no <c>changed_at</c> behind), so
/// cached signal windows that counted them are recomputed. Equality is by value.
/// </summary>
/// <param name="Table">The table rows were deleted from.</param>
/// <param name="DeletedAt">When (the writer's clock, as for <c>changed_at</c>).</param>
/// <param name="Earliest">The earliest instant among the deleted rows' time columns; the Unix epoch when a row had none.</param>
/// <param name="Rows">How many rows were deleted at that instant.</param>
public sealed record StoreDeletion(string Table, DateTimeOffset DeletedAt, DateTimeOffset Earliest, int Rows);
