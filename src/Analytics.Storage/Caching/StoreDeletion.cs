namespace Analytics.Storage.Caching;

/// <summary>
/// A record of domain rows deleted from one table in one write (deleted rows leave no <c>changed_at</c> behind), so
/// cached signal windows that counted them are recomputed. Equality is by value.
/// </summary>
/// <param name="Table">The table rows were deleted from.</param>
/// <param name="DeletedAt">When (the writer's clock, as for <c>changed_at</c>).</param>
/// <param name="Earliest">The earliest instant among the deleted rows' time columns; the Unix epoch when a row had none.</param>
/// <param name="Rows">How many rows were deleted at that instant.</param>
public sealed record StoreDeletion(string Table, DateTimeOffset DeletedAt, DateTimeOffset Earliest, int Rows)
{
    /// <summary>
    /// The name under which the store records the rows of <paramref name="table"/> it inserted or rewrote beyond the
    /// columns an entity ignores (<see cref="Schema.EntityMap.RewritesIgnoring"/>), as deletions from their earliest
    /// former or new instant: apart from real deletions, since the rows are still there (and among the changed rows).
    /// </summary>
    /// <param name="table">The entity's table.</param>
    public static string RewritesOf(string table) => table + "/rewritten";
}
