using Analytics.Storage.Schema;

namespace Analytics.Storage;

/// <summary>
/// The store of normalised records, sync cursors and raw payloads: an embedded SQLite file by default, PostgreSQL when
/// several nodes share work. Both behave the same; one test suite runs against each.
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Where the store is, safe to show (no password).</summary>
    string Description { get; }

    /// <summary>Starts a transaction. Nothing it writes is visible until <see cref="IStoreWriter.CommitAsync"/>.</summary>
    Task<IStoreWriter> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Streams the records that match <paramref name="query"/>, ordered by key unless the query says otherwise.</summary>
    IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Streams raw column values (in the map's column order) of the records that match <paramref name="query"/>.</summary>
    IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, CancellationToken cancellationToken);

    /// <summary>
    /// Streams only <paramref name="columns"/> of the records that match <paramref name="query"/>, as typed vectors in
    /// batches (see <see cref="Columns.ColumnBatch"/>): the way to read many records when a few of their fields are
    /// needed. Ordered as <see cref="ReadValuesAsync"/> orders, unless the query says <see cref="StoreQuery.InAnyOrder"/>.
    /// A read fills one batch again and again, so a batch is valid until the next one is asked for: a consumer that keeps
    /// values copies them (codes stay valid for the whole read: its <see cref="Columns.ColumnBatch.Strings"/> are shared).
    /// </summary>
    /// <param name="map">The entity.</param>
    /// <param name="columns">
    /// The columns to read, by name; besides the map's, <c>changed_at</c> (when the record was last written, an instant),
    /// which queries can also filter on.
    /// </param>
    /// <param name="query">Which records, in which order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">A column is not the entity's.</exception>
    IAsyncEnumerable<Columns.ColumnBatch> ReadColumnsAsync(
        EntityMap map,
        IReadOnlyList<string> columns,
        StoreQuery? query,
        CancellationToken cancellationToken);

    /// <summary>
    /// The columns of <see cref="ReadTestHistoriesAsync"/>'s batches, in this order: every test result column but the
    /// repository (the read's) and the failure message.
    /// </summary>
    static IReadOnlyList<string> TestHistoryColumns { get; } =
        ["test_id", "source", "run_id", "attempt", "job", "execution", "commit_sha", "branch", "outcome", "duration_seconds", "started_at"];

    /// <summary>
    /// Streams the results of some of a repository's tests that started in [<paramref name="from"/>,
    /// <paramref name="to"/>), as <see cref="ReadColumnsAsync"/> streams <see cref="TestHistoryColumns"/> (in any order):
    /// the read of the flaky-test analysis. The SQL stores answer it from test result blocks, each test's results of a
    /// month packed into one value, so the database steps through one row per test and month rather than one per result
    /// (for the benchmark's year, 16,692 instead of 11.2 million; docs/architecture.md);
    /// the default, for wrappers, reads the results themselves.
    /// </summary>
    /// <param name="repository">The repository, spelt as stored.</param>
    /// <param name="testIds">The tests.</param>
    /// <param name="from">The first instant (included).</param>
    /// <param name="to">The last instant (excluded).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<Columns.ColumnBatch> ReadTestHistoriesAsync(
        string repository,
        IReadOnlyCollection<string> testIds,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken) =>
        ReadColumnsAsync(
            Entities.TestResults,
            TestHistoryColumns,
            StoreQuery.All.Where("repository", repository).WhereIn("test_id", testIds).Since("started_at", from).Before("started_at", to).InAnyOrder(),
            cancellationToken);

    /// <summary>
    /// The distinct set values of a text column, in the store's order for it, among every record or those whose
    /// <paramref name="equalColumn"/> is <paramref name="equalValue"/>. Each next value is found by one index seek (a loose
    /// index scan), so with an index starting with those columns the read costs the number of values, not of records (a
    /// repository's tests among its year of results).
    /// </summary>
    /// <param name="map">The entity.</param>
    /// <param name="column">The text column.</param>
    /// <param name="equalColumn">A column the records must have <paramref name="equalValue"/> in; null for every record.</param>
    /// <param name="equalValue">The value.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<string>> ReadDistinctAsync(EntityMap map, string column, string? equalColumn, string? equalValue, CancellationToken cancellationToken);

    /// <summary>Counts the records of an entity.</summary>
    Task<long> CountAsync(EntityMap map, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the records of an entity that match <paramref name="query"/> (its order is ignored). The store counts in
    /// SQL; the default, for wrappers, counts the rows of a one-column read.
    /// </summary>
    /// <param name="map">The entity.</param>
    /// <param name="query">Which records; filters may name <c>changed_at</c> as <see cref="ReadColumnsAsync"/> allows.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    async Task<long> CountAsync(EntityMap map, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var count = 0L;
        await foreach (var batch in ReadColumnsAsync(map, [map.KeyColumns[0].Name], query.InAnyOrder(), cancellationToken))
        {
            count += batch.Count;
        }

        return count;
    }

    /// <summary>Reads a source's sync cursor for a scope (a repository, a project), or null when it never synced.</summary>
    Task<string?> GetCursorAsync(string source, string scope, CancellationToken cancellationToken);

    /// <summary>Reads one archived payload, decompressed, or null.</summary>
    Task<RawPayload?> GetRawPayloadAsync(string source, string requestKey, CancellationToken cancellationToken);

    /// <summary>Streams a source's archived payloads, decompressed, ordered by request key.</summary>
    IAsyncEnumerable<RawPayload> ReadRawPayloadsAsync(string source, CancellationToken cancellationToken);

    /// <summary>The schema version the store is at.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);
}
