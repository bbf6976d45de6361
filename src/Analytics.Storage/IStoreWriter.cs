using Analytics.Storage.Schema;

namespace Analytics.Storage;

/// <summary>
/// One write transaction. Records, cursors and payloads written through it become visible together at
/// <see cref="CommitAsync"/>; disposing it without committing rolls everything back.
/// </summary>
public interface IStoreWriter : IAsyncDisposable
{
    /// <summary>
    /// Inserts records, or replaces those whose key exists and whose content differs; identical records are left
    /// untouched (their <c>changed_at</c> too). Within one call, the last record with a given key wins.
    /// </summary>
    Task<UpsertResult> UpsertAsync<T>(EntityMap<T> map, IReadOnlyCollection<T> records, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Upserts records known only through their map (all of <see cref="EntityMap.RecordType"/>); see the typed overload.</summary>
    Task<UpsertResult> UpsertAsync(EntityMap map, IReadOnlyCollection<object> records, CancellationToken cancellationToken);

    /// <summary>Deletes the records with the given keys (values of <see cref="EntityMap.KeyColumns"/>, in order).</summary>
    /// <returns>How many records were deleted.</returns>
    Task<int> DeleteAsync(EntityMap map, IReadOnlyCollection<object[]> keys, CancellationToken cancellationToken);

    /// <summary>Moves a source's cursor for a scope; committed with the records it covers.</summary>
    Task SetCursorAsync(string source, string scope, string value, CancellationToken cancellationToken);

    /// <summary>Archives a payload as received (compressed in the store); replaces an older payload with the same key.</summary>
    Task ArchiveAsync(RawPayload payload, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a lock named <paramref name="name"/> until the transaction ends, so read-modify-write work (alert state,
    /// job leases) runs on one node at a time. On PostgreSQL it is a transaction-scoped advisory lock; on SQLite the
    /// write transaction already excludes every other writer.
    /// </summary>
    Task LockAsync(string name, CancellationToken cancellationToken);

    /// <summary>Streams records as this transaction sees them (its own uncommitted writes included).</summary>
    IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Makes everything written visible, atomically.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
