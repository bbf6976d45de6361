using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Incidents;

/// <summary>
/// A full refresh's removal step: inside the refresh's own transaction, deletes the stored records of the refreshed
/// scope that the source did not return, so records deleted upstream go away together with the refresh, or not at all.
/// </summary>
internal static class UpstreamDeletes
{
    /// <summary>Deletes the records <paramref name="query"/> selects that are in the scope but were not seen.</summary>
    /// <param name="writer">The refresh's transaction.</param>
    /// <param name="map">The entity.</param>
    /// <param name="query">The stored records the refresh covered (by source and time range).</param>
    /// <param name="inScope">Narrows the query to the refreshed scope (a kind, a project).</param>
    /// <param name="seen">Whether the source returned the record in this refresh.</param>
    /// <param name="cancellationToken">Cancels the deletion (the transaction then rolls back).</param>
    /// <returns>The records removed.</returns>
    public static async Task<IReadOnlyList<T>> RemoveMissingAsync<T>(
        IStoreWriter writer, EntityMap<T> map, StoreQuery query, Func<T, bool> inScope, Func<T, bool> seen, CancellationToken cancellationToken)
        where T : class
    {
        var missing = new List<T>();
        await foreach (var record in writer.ReadAsync(map, query, cancellationToken))
        {
            if (inScope(record) && !seen(record))
            {
                missing.Add(record);
            }
        }

        if (missing.Count > 0)
        {
            var keyIndexes = map.Columns.Select((c, i) => (c, i)).Where(p => p.c.IsKey).Select(p => p.i).ToArray();
            var keys = missing.Select(r => map.ValuesOf(r) is var values ? keyIndexes.Select(i => values[i]!).ToArray() : []).ToList();
            await writer.DeleteAsync(map, keys, cancellationToken);
        }

        return missing;
    }
}
