using System.Data.Common;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>The store over any <see cref="SqlDialect"/>: everything but connections, types and bulk writes is shared.</summary>
internal sealed class SqlStore : IStore
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    private SqlStore(SqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    /// <inheritdoc />
    public string Description => _dialect.Description;

    /// <summary>Opens the store and brings its schema up to date.</summary>
    public static async Task<SqlStore> OpenAsync(SqlDialect dialect, TimeProvider time, CancellationToken cancellationToken)
    {
        await Migrator.MigrateAsync(dialect, time, cancellationToken);
        return new SqlStore(dialect, time);
    }

    /// <inheritdoc />
    public async Task<IStoreWriter> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken);
        try
        {
            if (_dialect.BeforeWriting is { } before)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = before;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new SqlStoreWriter(_dialect, connection, transaction, _time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<T> ReadAsync<T>(
        EntityMap<T> map,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var values in ReadValuesAsync(map, query, cancellationToken))
        {
            yield return map.Create(new Row(map, values));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadValuesAsync(
        EntityMap map,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        query ??= StoreQuery.All;
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await foreach (var values in ReadValuesAsync(_dialect, connection, null, map, query, cancellationToken))
        {
            yield return values;
        }
    }

    /// <summary>Reads rows of <paramref name="map"/> on an open connection (inside <paramref name="transaction"/> when given).</summary>
    internal static async IAsyncEnumerable<object?[]> ReadValuesAsync(
        SqlDialect dialect,
        DbConnection connection,
        DbTransaction? transaction,
        EntityMap map,
        StoreQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        PrepareSelect(dialect, command, map, map.Columns, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[map.Columns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = dialect.FromDb(reader, c, map.Columns[c]);
            }

            yield return values;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(
        EntityMap map,
        IReadOnlyList<string> columns,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(columns);
        var selected = columns.Select(name => ColumnOf(map, name)).ToList();

        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        PrepareSelect(_dialect, command, map, selected, query ?? StoreQuery.All);
        await foreach (var batch in _dialect.ReadColumnsAsync(command, new ColumnFiller(_dialect, selected), cancellationToken))
        {
            yield return batch;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadTestHistoriesAsync(
        string repository,
        IReadOnlyCollection<string> testIds,
        DateTimeOffset from,
        DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(testIds);
        if (testIds.Count == 0 || from >= to)
        {
            yield break;
        }

        var filler = new ColumnFiller(_dialect, [.. IStore.TestHistoryColumns.Select(name => ColumnOf(Entities.TestResults, name))]);
        var decoder = new TestResultBlockDecoder(filler);
        var batch = filler.NewBatch();
        var (fromTicks, toTicks) = (from.UtcTicks, to.UtcTicks);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        foreach (var chunk in testIds.Chunk(TestsPerBlockRead))
        {
            command.Parameters.Clear();
            AddParameter(command, "@r", repository);
            AddParameter(command, "@first", TestResultBlocks.MonthOf(from));
            AddParameter(command, "@last", TestResultBlocks.MonthOf(to.AddTicks(-1)));
            for (var t = 0; t < chunk.Length; t++)
            {
                AddParameter(command, $"@t{t}", chunk[t]);
            }

            command.CommandText = $"SELECT test_id, month, payload FROM {TestResultBlocks.Table} WHERE repository = @r "
                + $"AND test_id IN ({string.Join(", ", chunk.Select((_, t) => $"@t{t}"))}) AND month >= @first AND month <= @last";
            await foreach (var block in _dialect.ReadBytesRowsAsync(command, cancellationToken))
            {
                var test = filler.TextCode(block.First);
                for (var offset = 0; offset < block.Length;)
                {
                    try
                    {
                        offset = decoder.Fill(block.Buffer.AsSpan(0, block.Length), offset, test, fromTicks, toTicks, batch);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new StoreException(
                            $"{Description}: test result block ({repository}, {block.First}, {block.Second}) is malformed {e.Message}", e);
                    }

                    if (batch.Count == ColumnBatch.Capacity)
                    {
                        yield return batch;
                        batch.Count = 0; // refilled: a batch is valid until the next is asked for
                    }
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Tests per read of their blocks: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int TestsPerBlockRead = 500;

    /// <summary>
    /// Writes the <c>SELECT</c> of <paramref name="columns"/> that <paramref name="query"/> asks for into
    /// <paramref name="command"/>, its filters as parameters.
    /// </summary>
    private static void PrepareSelect(SqlDialect dialect, DbCommand command, EntityMap map, IReadOnlyList<Column> columns, StoreQuery query)
    {
        var where = new List<string>();
        for (var i = 0; i < query.Filters.Count; i++)
        {
            var filter = query.Filters[i];
            var column = ColumnOf(map, filter.Column);
            if (filter.Operator == StoreFilterOperator.In)
            {
                var values = (IReadOnlyList<object>)filter.Value;
                if (values.Count == 0)
                {
                    where.Add("1 = 0");
                    continue;
                }

                var names = new string[values.Count];
                for (var v = 0; v < values.Count; v++)
                {
                    names[v] = $"@f{i}_{v}";
                    AddParameter(command, names[v], dialect.ToDb(column, values[v]));
                }

                where.Add($"{column.Name} IN ({string.Join(", ", names)})");
                continue;
            }

            var op = filter.Operator switch
            {
                StoreFilterOperator.Equal => "=",
                StoreFilterOperator.AtLeast => ">=",
                _ => "<",
            };
            where.Add($"{column.Name} {op} @f{i}");
            AddParameter(command, $"@f{i}", dialect.ToDb(column, filter.Value));
        }

        // Key columns already named in the order are not repeated: SQLite would otherwise sort again by them.
        var orderColumns = query.OrderBy is null ? [] : query.ThenBy.Prepend(query.OrderBy).Select(c => ColumnOf(map, c).Name).Distinct().ToList();
        var order = query.OrderBy is null && query.AnyOrder
            ? ""
            : " ORDER BY " + string.Join(", ", orderColumns.Concat(map.KeyColumns.Select(c => c.Name).Where(k => !orderColumns.Contains(k))));
        // A read over a large store may wait long for its first row (a sort, a cold cache); the caller's cancellation ends it.
        command.CommandTimeout = 0;
        // No columns: a count of the matching records.
        command.CommandText = $"SELECT {(columns.Count == 0 ? "COUNT(*)" : string.Join(", ", columns.Select(c => c.Name)))} FROM {map.Table}"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + order;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ReadDistinctAsync(
        EntityMap map, string column, string? equalColumn, string? equalValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var name = ColumnOf(map, column) is { Kind: ColumnKind.Text } text ? text.Name : throw new ArgumentException($"{map.Name}.{column} is not a text column", nameof(column));
        var equal = equalColumn is null ? null : ColumnOf(map, equalColumn).Name;
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The loose index scan both databases run as written: the least value, then repeatedly the least one above it.
        var filter = equal is null ? "" : $"{equal} = @e AND ";
        command.CommandText = $"WITH RECURSIVE v(x) AS (SELECT MIN({name}) FROM {map.Table}{(equal is null ? "" : $" WHERE {equal} = @e")} "
            + $"UNION ALL SELECT (SELECT MIN({name}) FROM {map.Table} WHERE {filter}{name} > v.x) FROM v WHERE v.x IS NOT NULL) "
            + "SELECT x FROM v WHERE x IS NOT NULL";
        if (equal is not null)
        {
            AddParameter(command, "@e", equalValue);
        }

        command.CommandTimeout = 0;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(EntityMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {map.Table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(EntityMap map, StoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        PrepareSelect(_dialect, command, map, [], query.InAnyOrder());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<string?> GetCursorAsync(string source, string scope, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM sync_cursors WHERE source = @s AND scope = @c";
        AddParameter(command, "@s", source);
        AddParameter(command, "@c", scope);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <inheritdoc />
    public async Task<RawPayload?> GetRawPayloadAsync(string source, string requestKey, CancellationToken cancellationToken)
    {
        await foreach (var payload in ReadRawAsync(source, requestKey, cancellationToken))
        {
            return payload;
        }

        return null;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RawPayload> ReadRawPayloadsAsync(string source, CancellationToken cancellationToken) =>
        ReadRawAsync(source, null, cancellationToken);

    /// <inheritdoc />
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dialect is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Every record's <c>changed_at</c>, table by table in key order: lets tests see that a write changed nothing.</summary>
    internal async IAsyncEnumerable<DateTimeOffset> ReadChangedAtAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        foreach (var map in Entities.All)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT changed_at FROM {map.Table} ORDER BY {string.Join(", ", map.KeyColumns.Select(c => c.Name))}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return _dialect.InstantFromDb(reader, 0);
            }
        }
    }

    // Every table ends with changed_at, which no map declares (the store sets it); queries may filter on it.
    private static readonly Column ChangedAt = new("changed_at", ColumnKind.Instant, false, false, null, "When the store last saw the record change.");

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static Column ColumnOf(EntityMap map, string name)
    {
        var index = map.IndexOf(name);
        return index >= 0
            ? map.Columns[index]
            : name == ChangedAt.Name ? ChangedAt
            : throw new ArgumentException($"{map.Name} has no column '{name}'", nameof(name));
    }

    private async IAsyncEnumerable<RawPayload> ReadRawAsync(
        string source,
        string? requestKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT request_key, fetched_at, content_type, body_gzip FROM raw_payloads WHERE source = @s"
            + (requestKey is null ? "" : " AND request_key = @k") + " ORDER BY request_key";
        AddParameter(command, "@s", source);
        if (requestKey is not null)
        {
            AddParameter(command, "@k", requestKey);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var compressed = (byte[])reader.GetValue(3);
            yield return new RawPayload(source, reader.GetString(0), _dialect.InstantFromDb(reader, 1), reader.GetString(2), Decompress(compressed));
        }
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
