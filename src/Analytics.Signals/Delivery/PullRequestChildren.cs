using System.Runtime.CompilerServices;
using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Delivery;

/// <summary>
/// Reads the records that hang off given pull requests (reviews, review comments, pull-request commits) by their
/// <c>source</c> and <c>pull_request_id</c>, in chunks of <see cref="ChunkSize"/> ids, so a signal reads what belongs to
/// the pull requests it selected instead of the whole table. Records come grouped by pull request; each pull request's
/// records come in the same chunk and in key order, as a read of the whole table would give them.
/// </summary>
internal static class PullRequestChildren
{
    /// <summary>Pull-request ids per query: few round trips, and far below either database's parameter limit.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// Above this many pull requests of one source, its children are read in one query over the whole source instead of
    /// chunk by chunk (callers skip the rows of pull requests they did not ask for): at scale 1.0 of the benchmark an
    /// org-year asks for 218,000 pull requests, and 437 chunked queries took ten times as long as one scan of the table.
    /// </summary>
    public const int WholeSourceAbove = 8 * ChunkSize;

    /// <summary>The records of <paramref name="map"/> belonging to <paramref name="pullRequests"/> (each read once).</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        IStore store,
        EntityMap<T> map,
        IEnumerable<PullRequest> pullRequests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        foreach (var (_, query) in Queries(pullRequests.Select(pr => (pr.Source, pr.SourceId)), int.MaxValue))
        {
            await foreach (var record in store.ReadAsync(map, query, cancellationToken))
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// The <paramref name="columns"/> of the records of <paramref name="map"/> belonging to <paramref name="pullRequests"/>
    /// (given by source and id), as columnar batches with the source they belong to: one read per source and chunk, so
    /// each chunk's batches share one <see cref="Storage.Columns.StringTable"/> and the next chunk starts a new one. A
    /// source with more than <see cref="WholeSourceAbove"/> pull requests is read whole, in one query: its batches
    /// then also hold other pull requests' records, which the caller skips. Either way each pull request's records come
    /// together and in key order.
    /// </summary>
    public static IAsyncEnumerable<(string Source, ColumnBatch Batch)> ReadColumnsAsync(
        IStore store,
        EntityMap map,
        IReadOnlyList<string> columns,
        IEnumerable<(string Source, string Id)> pullRequests,
        CancellationToken cancellationToken) =>
        ReadColumnsAsync(store, map, columns, pullRequests, WholeSourceAbove, cancellationToken);

    /// <summary>As the overload above, reading a source whole above <paramref name="wholeSourceAbove"/> pull requests.</summary>
    internal static async IAsyncEnumerable<(string Source, ColumnBatch Batch)> ReadColumnsAsync(
        IStore store,
        EntityMap map,
        IReadOnlyList<string> columns,
        IEnumerable<(string Source, string Id)> pullRequests,
        int wholeSourceAbove,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (source, query) in Queries(pullRequests, wholeSourceAbove))
        {
            await foreach (var batch in store.ReadColumnsAsync(map, columns, query, cancellationToken))
            {
                yield return (source, batch);
            }
        }
    }

    private static IEnumerable<(string Source, StoreQuery Query)> Queries(IEnumerable<(string Source, string Id)> pullRequests, int wholeSourceAbove)
    {
        // One source per query: (source, pull_request_id) leads pull_request_commits' key and indexes reviews and
        // comments (migration 10).
        foreach (var bySource in pullRequests.GroupBy(pr => pr.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Sorted only when read in chunks: a whole-source read does not name them (218,000 ids at scale 1.0).
            var ids = bySource.Select(pr => pr.Id).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count > wholeSourceAbove)
            {
                yield return (bySource.Key, StoreQuery.All.Where("source", bySource.Key).OrderedBy("pull_request_id"));
                continue;
            }

            ids.Sort(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                // Ordered by pull request first: SQLite then reads through (source, pull_request_id) instead of
                // scanning the key's `source` prefix to avoid a sort. Each pull request's records stay in key order.
                yield return (bySource.Key, StoreQuery.All.Where("source", bySource.Key).WhereIn("pull_request_id", chunk).OrderedBy("pull_request_id"));
            }
        }
    }
}
