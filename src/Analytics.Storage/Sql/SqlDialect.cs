using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Domain.Common;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>What differs between SQLite and PostgreSQL: connections, type names, value conversions and bulk upserts.</summary>
internal abstract class SqlDialect
{
    /// <summary>Where the store is, safe to print.</summary>
    public abstract string Description { get; }

    /// <summary>Opens a connection ready for use.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The dialect's type for a placeholder in the migration scripts: instant, real, bool, bytes.</summary>
    public abstract string TypeFor(string placeholder);

    /// <summary>The SQL that is true when two row values differ, nulls comparing equal to nulls.</summary>
    public abstract string RowsDiffer(string left, string right);

    /// <summary>SQL for the UTC month (<c>yyyy-MM</c>) of an instant column: a test result block's month.</summary>
    public abstract string UtcMonthOf(string instantColumn);

    /// <summary>SQL for an instant column as SQLite keeps instants (<see cref="StoreInstants.SqliteFormat"/>).</summary>
    public abstract string InstantAsStoreText(string instantColumn);

    /// <summary>SQL for the length in UTF-8 bytes of a text expression.</summary>
    public abstract string Utf8LengthOf(string textExpression);

    /// <summary>SQL for a real expression as text that parses back to the same double.</summary>
    public abstract string ExactRealText(string realExpression);

    /// <summary>
    /// SQL for the aggregate that joins a text expression's values, in an order, into one UTF-8 bytes value.
    /// <paramref name="rowsComeInOrder"/> says the query's index already gives the rows in that order, which a dialect
    /// may rely on rather than sort them again.
    /// </summary>
    public abstract string JoinedUtf8Bytes(string textExpression, string orderBy, bool rowsComeInOrder);

    /// <summary>
    /// The dialect's own DDL for test result blocks, run after their tables are made: the triggers on <c>test_results</c>
    /// that note, in <c>test_result_blocks_stale</c>, the block (repository, test, UTC month) of every row inserted, of
    /// every row deleted, and of both the old and the new row of every update
    /// (<see cref="TestResultBlocks.RebuildStaleAsync"/>), and any storage setting for the payloads. Repeatable: it
    /// replaces triggers that exist.
    /// </summary>
    public abstract string TestResultBlockDdl { get; }

    /// <summary>SQL run on a writer's connection before its transaction begins, or null.</summary>
    public virtual string? BeforeWriting => null;

    /// <summary>SQL that undoes <see cref="BeforeWriting"/> once the writer's transaction has ended (its connection is pooled).</summary>
    public virtual string? AfterWriting => null;

    /// <summary>Serialises concurrent migrations (several nodes starting at once).</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Takes a transaction-scoped named lock (see <see cref="IStoreWriter.LockAsync"/>).</summary>
    public abstract Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken);

    /// <summary>Writes rows (already de-duplicated by key) and returns how many were inserted or changed.</summary>
    public abstract Task<int> UpsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        EntityMap map,
        IReadOnlyList<object?[]> rows,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Converts an instant to a parameter value.</summary>
    public abstract object InstantToDb(DateTimeOffset instant);

    /// <summary>Reads an instant.</summary>
    public abstract DateTimeOffset InstantFromDb(DbDataReader reader, int ordinal);

    /// <summary>
    /// Runs a prepared <c>SELECT</c> of <paramref name="filler"/>'s columns and streams its rows in batches. This reads
    /// through ADO.NET; a dialect overrides it where its driver offers a cheaper way to the values.
    /// </summary>
    public virtual async IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(
        DbCommand command,
        ColumnFiller filler,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = filler.NewBatch();
        while (await reader.ReadAsync(cancellationToken))
        {
            filler.Read(reader, batch);
            if (batch.Count == ColumnBatch.Capacity)
            {
                yield return batch;
                batch.Count = 0; // refilled: a batch is valid until the next is asked for
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Runs a prepared <c>SELECT</c> of two texts and a bytes value and streams its rows into one <see cref="BytesRow"/>,
    /// refilled for each. This reads through ADO.NET; a dialect overrides it where its driver would allocate every value.
    /// </summary>
    public virtual async IAsyncEnumerable<BytesRow> ReadBytesRowsAsync(DbCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new BytesRow();
        while (await reader.ReadAsync(cancellationToken))
        {
            row.First = reader.GetString(0);
            row.Second = reader.GetString(1);
            row.Resize(checked((int)reader.GetBytes(2, 0, null, 0, 0)));
            reader.GetBytes(2, 0, row.Buffer, 0, row.Length);
            yield return row;
        }
    }

    /// <summary>Reads an instant as UTC ticks (what columnar reads hold); dialects override it where that is cheaper.</summary>
    public virtual long InstantTicksFromDb(DbDataReader reader, int ordinal) => InstantFromDb(reader, ordinal).UtcTicks;

    /// <summary>Converts a column value to a parameter value.</summary>
    public object ToDb(Column column, object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => InstantToDb(instant),
        TimeSpan duration => duration.TotalSeconds,
        Enum e => SnakeCase.From(e.ToString()),
        ValueList<string> list => JsonSerializer.Serialize(list.ToArray()),
        string text when column.Kind is ColumnKind.Enum => SnakeCase.From(SnakeCase.Parse(column.EnumType!, text)?.ToString() ?? text),
        _ => value,
    };

    /// <summary>Reads a column value.</summary>
    public object? FromDb(DbDataReader reader, int ordinal, Column column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return column.Kind is ColumnKind.TextList ? ValueList<string>.Empty : null;
        }

        return column.Kind switch
        {
            ColumnKind.Text => reader.GetString(ordinal),
            ColumnKind.Integer => reader.GetFieldType(ordinal) == typeof(int) ? reader.GetInt32(ordinal) : checked((int)reader.GetInt64(ordinal)),
            ColumnKind.Real => reader.GetDouble(ordinal),
            ColumnKind.Boolean => reader.GetBoolean(ordinal),
            ColumnKind.Instant => InstantFromDb(reader, ordinal),
            ColumnKind.Duration => Seconds.ToTimeSpan(reader.GetDouble(ordinal)),
            ColumnKind.Enum => SnakeCase.Parse(column.EnumType!, reader.GetString(ordinal))
                ?? throw new InvalidDataException($"stored value '{reader.GetString(ordinal)}' of column '{column.Name}' is not a {column.EnumType!.Name}"),
            ColumnKind.TextList => ValueList.From(JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? []),
            _ => throw new InvalidOperationException($"unknown column kind {column.Kind}"),
        };
    }

    /// <summary>
    /// The upsert statement for one row, in SQL both databases accept: insert, or on a key conflict update every column,
    /// but only when some column differs, so identical records keep their <c>changed_at</c> and count as unchanged.
    /// </summary>
    public string UpsertSql(EntityMap map, string valuesClause)
    {
        var columns = string.Join(", ", map.Columns.Select(c => c.Name));
        var keys = string.Join(", ", map.KeyColumns.Select(c => c.Name));
        var nonKeys = map.Columns.Where(c => !c.IsKey).Select(c => c.Name).ToList();
        var updates = string.Join(", ", nonKeys.Append("changed_at").Select(c => $"{c} = excluded.{c}"));
        var current = "(" + string.Join(", ", nonKeys.Select(c => $"{map.Table}.{c}")) + ")";
        var incoming = "(" + string.Join(", ", nonKeys.Select(c => $"excluded.{c}")) + ")";
        return $"INSERT INTO {map.Table} ({columns}, changed_at) {valuesClause} "
            + $"ON CONFLICT ({keys}) DO UPDATE SET {updates} WHERE {RowsDiffer(current, incoming)}";
    }
}
