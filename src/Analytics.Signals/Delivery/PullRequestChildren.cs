using System.Runtime.CompilerServices;
using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Delivery;

/// <summary>
/// Reads the records that hang off given pull requests (reviews, review comments, pull-request commits) by their
/// <c>source</c> and <c>pull_request_id</c>, in chunks of <see cref="ChunkSize"/> ids, so a signal reads what belongs to
/// the pull requests it selected instead of the whole table. Every record of a pull request comes in the same chunk, in
/// key order, as a read of the whole table would give them.
/// </summary>
internal static class PullRequestChildren
{
    /// <summary>Pull-request ids per query: few round trips, and far below either database's parameter limit.</summary>
    public const int ChunkSize = 500;

    /// <summary>The records of <paramref name="map"/> belonging to <paramref name="pullRequests"/> (each read once).</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        IStore store,
        EntityMap<T> map,
        IEnumerable<PullRequest> pullRequests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        // One source per query: (source, pull_request_id) is the leading part of pull_request_commits' key, and reviews
        // and comments have an index on pull_request_id.
        foreach (var bySource in pullRequests.GroupBy(pr => pr.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = bySource.Select(pr => pr.SourceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(ChunkSize))
            {
                var query = StoreQuery.All.Where("source", bySource.Key).WhereIn("pull_request_id", chunk);
                await foreach (var record in store.ReadAsync(map, query, cancellationToken))
                {
                    yield return record;
                }
            }
        }
    }
}
