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
