using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>One write transaction on a <see cref="SqlStore"/>.</summary>
internal sealed class SqlStoreWriter(SqlDialect dialect, DbConnection connection, DbTransaction transaction, TimeProvider time)
    : IStoreWriter
{
    private bool _completed;
    private bool _testResultsWritten; // so the commit rebuilds the test result blocks the writes touched

    /// <inheritdoc />
    public Task<UpsertResult> UpsertAsync<T>(EntityMap<T> map, IReadOnlyCollection<T> records, CancellationToken cancellationToken)
        where T : class =>
        UpsertAsync((EntityMap)map, records, cancellationToken);

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertAsync(EntityMap map, IReadOnlyCollection<object> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(records);
        EnsureOpen();
        if (records.Count == 0)
        {
            return default;
        }

        var rows = Deduplicate(map, records.Select(map.ValuesOf));
        if ((map.MovedBy.Count > 0 || map.RewritesIgnoring is not null) && Schema.Entities.All.Contains(map))
        {
            await RecordFormerRowsAsync(map, rows, cancellationToken);
        }

        var changed = await dialect.UpsertAsync(connection, transaction, map, rows, time.GetUtcNow(), cancellationToken);
        _testResultsWritten |= map == Schema.Entities.TestResults && changed > 0;
        return new UpsertResult(records.Count, changed);
    }

    // Records as deleted, from their earliest instant, the stored rows whose set value of a MovedBy column the upsert
    // changes (EntityMap.MovedBy) and, for an entity recording rewrites (EntityMap.RewritesIgnoring), the rows it inserts
    // or changes in a column not ignored, from the earliest of their former and new instants, under the name of its
    // rewrites (StoreDeletion.RewritesOf). The rows are read by key before the upsert replaces them, in the same transaction.
    private async Task RecordFormerRowsAsync(EntityMap map, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var moved = map.MovedBy.Select(map.IndexOf).ToArray();
        var rewritten = map.RewritesIgnoring is { } ignoring
            ? map.Columns.Where(c => !c.IsKey && !ignoring.Contains(c.Name)).Select(c => map.IndexOf(c.Name)).ToArray()
            : null;
        var instants = map.Columns.Select((c, i) => (c, i)).Where(x => x.c.Kind is ColumnKind.Instant).Select(x => x.i).ToArray();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", map.Columns.Select(c => c.Name))} FROM {map.Table} WHERE {KeyFilter(map)}";
        (DateTimeOffset Earliest, int Count)? movedRows = null, rewrittenRows = null;
        var former = new object?[map.Columns.Count];
        foreach (var row in rows)
        {
            BindKey(command, map, [.. map.KeyColumns.Select(c => row[map.IndexOf(c.Name)])]);
            bool found;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                found = await reader.ReadAsync(cancellationToken);
                for (var c = 0; found && c < former.Length; c++)
                {
                    former[c] = dialect.FromDb(reader, c, map.Columns[c]);
                }
            }

            var formerInstants = found ? instants.Select(c => former[c]).ToArray() : [];
            if (found && moved.Any(c => former[c] is not null && !Same(map.Columns[c], former[c], row[c])))
            {
                movedRows = Add(movedRows, Earliest(formerInstants));
            }

            if (rewritten is not null && (!found || rewritten.Any(c => !Same(map.Columns[c], former[c], row[c]))))
            {
                rewrittenRows = Add(rewrittenRows, Earliest([.. formerInstants, .. instants.Select(c => row[c])]));
            }
        }

        if (movedRows is { } movedSoFar)
        {
            await RecordDeletionAsync(map.Table, movedSoFar.Earliest, movedSoFar.Count, cancellationToken);
        }

        if (rewrittenRows is { } rewrittenSoFar)
        {
            await RecordDeletionAsync(Caching.StoreDeletion.RewritesOf(map.Table), rewrittenSoFar.Earliest, rewrittenSoFar.Count, cancellationToken);
        }

        static (DateTimeOffset Earliest, int Count) Add((DateTimeOffset Earliest, int Count)? soFar, DateTimeOffset row) =>
            soFar is { } known ? (known.Earliest < row ? known.Earliest : row, known.Count + 1) : (row, 1);
    }

    // Whether two values of a column are stored alike (an instant as the store keeps it, a list as its JSON).
    private bool Same(Column column, object? stored, object? written) => Equals(dialect.ToDb(column, stored), dialect.ToDb(column, written));

    // The earliest set instant among the values; the Unix epoch ("everything") when none is set.
    private static DateTimeOffset Earliest(object?[] instants)
    {
        var set = instants.OfType<DateTimeOffset>().ToList();
        return set.Count == 0 ? DateTimeOffset.UnixEpoch : set.Min();
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(EntityMap map, IReadOnlyCollection<object[]> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(keys);
        EnsureOpen();
        if (keys.FirstOrDefault(k => k.Length != map.KeyColumns.Count) is { } wrong)
        {
            throw new ArgumentException($"{map.Name} keys have {map.KeyColumns.Count} parts, not {wrong.Length}", nameof(keys));
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // RETURNING the deleted rows' instants lets the delete be recorded for the signal cache (migration 0013) in the
        // same transaction: a deleted row leaves no changed_at behind, so without the record no cache would notice.
        var instants = Schema.Entities.All.Contains(map)
            ? map.Columns.Where(c => c.Kind is ColumnKind.Instant).ToList()
            : [];
        command.CommandText = $"DELETE FROM {map.Table} WHERE {KeyFilter(map)}"
            + (instants.Count > 0 ? " RETURNING " + string.Join(", ", instants.Select(c => c.Name)) : "");
        var deleted = 0;
        DateTimeOffset? earliest = null;
        foreach (var key in keys)
        {
            BindKey(command, map, key);
            if (instants.Count == 0)
            {
                var count = await command.ExecuteNonQueryAsync(cancellationToken);
                deleted += count;
                if (count > 0 && Schema.Entities.All.Contains(map))
                {
                    // A row without time columns could have counted anywhere: the epoch means "everything".
                    earliest = DateTimeOffset.UnixEpoch;
                }

                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted++;
                var rowEarliest = Earliest([.. Enumerable.Range(0, instants.Count).Select(c => reader.IsDBNull(c) ? null : (object)dialect.InstantFromDb(reader, c))]);
                earliest = earliest is { } e && e < rowEarliest ? e : rowEarliest;
            }
        }

        if (earliest is { } first)
        {
            await RecordDeletionAsync(map.Table, first, deleted, cancellationToken);
        }

        _testResultsWritten |= map == Schema.Entities.TestResults && deleted > 0;
        return deleted;
    }

    // "key1 = @k0 AND key2 = @k1 …": one row by its key.
    private static string KeyFilter(EntityMap map) => string.Join(" AND ", map.KeyColumns.Select((c, i) => $"{c.Name} = @k{i}"));

    private void BindKey(DbCommand command, EntityMap map, IReadOnlyList<object?> key)
    {
        command.Parameters.Clear();
        for (var i = 0; i < key.Count; i++)
        {
            SqlStore.AddParameter(command, $"@k{i}", dialect.ToDb(map.KeyColumns[i], key[i]));
        }
    }

    private async Task RecordDeletionAsync(string table, DateTimeOffset earliest, int rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO signal_cache_deletions (table_name, deleted_at, earliest, row_count, changed_at) "
            + "VALUES (@t, @d, @e, @n, @d) ON CONFLICT (table_name, deleted_at) DO UPDATE SET "
            + "earliest = CASE WHEN excluded.earliest < signal_cache_deletions.earliest THEN excluded.earliest ELSE signal_cache_deletions.earliest END, "
            + "row_count = signal_cache_deletions.row_count + excluded.row_count";
        SqlStore.AddParameter(command, "@t", table);
        SqlStore.AddParameter(command, "@d", dialect.InstantToDb(now));
        SqlStore.AddParameter(command, "@e", dialect.InstantToDb(earliest));
        SqlStore.AddParameter(command, "@n", rows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetCursorAsync(string source, string scope, string value, CancellationToken cancellationToken)
    {
        EnsureOpen();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO sync_cursors (source, scope, value, changed_at) VALUES (@s, @c, @v, @t) "
            + "ON CONFLICT (source, scope) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at";
        SqlStore.AddParameter(command, "@s", source);
        SqlStore.AddParameter(command, "@c", scope);
        SqlStore.AddParameter(command, "@v", value);
        SqlStore.AddParameter(command, "@t", dialect.InstantToDb(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ArchiveAsync(RawPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        EnsureOpen();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO raw_payloads (source, request_key, fetched_at, content_type, body_gzip, body_sha256, body_length) "
            + "VALUES (@s, @k, @f, @t, @b, @h, @l) ON CONFLICT (source, request_key) DO UPDATE SET "
            + "fetched_at = excluded.fetched_at, content_type = excluded.content_type, body_gzip = excluded.body_gzip, "
            + "body_sha256 = excluded.body_sha256, body_length = excluded.body_length "
            + "WHERE raw_payloads.body_sha256 <> excluded.body_sha256";
        SqlStore.AddParameter(command, "@s", payload.Source);
        SqlStore.AddParameter(command, "@k", payload.RequestKey);
        SqlStore.AddParameter(command, "@f", dialect.InstantToDb(payload.FetchedAt));
        SqlStore.AddParameter(command, "@t", payload.ContentType);
        SqlStore.AddParameter(command, "@b", Compress(payload.Body));
        SqlStore.AddParameter(command, "@h", Convert.ToHexStringLower(SHA256.HashData(payload.Body)));
        SqlStore.AddParameter(command, "@l", payload.Body.Length);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task LockAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EnsureOpen();
        return dialect.LockAsync(connection, transaction, name, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<T> ReadAsync<T>(
        EntityMap<T> map,
        StoreQuery? query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(map);
        EnsureOpen();
        await foreach (var values in SqlStore.ReadValuesAsync(dialect, connection, transaction, map, query ?? StoreQuery.All, cancellationToken))
        {
            yield return map.Create(new Row(map, values));
        }
    }

    /// <inheritdoc />
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (_testResultsWritten)
        {
            await TestResultBlocks.RebuildStaleAsync(dialect, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _completed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            try
            {
                await transaction.RollbackAsync();
            }
            catch (DbException)
            {
                // The connection broke; the server has rolled back already.
            }
            catch (InvalidOperationException)
            {
                // The transaction already ended with the failure that brought us here.
            }
        }

        await transaction.DisposeAsync();
        if (dialect.AfterWriting is { } after)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = after;
                await command.ExecuteNonQueryAsync();
            }
            catch (DbException)
            {
                // The connection broke: it leaves the pool with the writer's settings.
            }
        }

        await connection.DisposeAsync();
    }

    private void EnsureOpen() =>
        ObjectDisposedException.ThrowIf(_completed, this);

    /// <summary>Keeps the last row of each key: PostgreSQL refuses to update one row twice in a statement.</summary>
    private static List<object?[]> Deduplicate(EntityMap map, IEnumerable<object?[]> rows)
    {
        var keyIndexes = map.KeyColumns.Select(c => map.IndexOf(c.Name)).ToArray();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<object?[]>();
        foreach (var row in rows)
        {
            var key = string.Join('\u001f', keyIndexes.Select(i => ColumnText.Format(map.Columns[i], row[i])));
            if (positions.TryGetValue(key, out var position))
            {
                result[position] = row;
            }
            else
            {
                positions[key] = result.Count;
                result.Add(row);
            }
        }

        return result;
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
