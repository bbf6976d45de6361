using System.Data.Common;
using Analytics.Storage.Schema;
using Analytics.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Storage.Postgres;

/// <summary>
/// The PostgreSQL store. Bulk writes go through binary COPY into a temporary table and one
/// <c>INSERT … SELECT … ON CONFLICT</c>, which is an order of magnitude faster than row-by-row statements over a network.
/// </summary>
internal sealed class PostgresDialect : SqlDialect, IAsyncDisposable
{
    /// <summary>An arbitrary constant that names the migration lock among the database's advisory locks.</summary>
    private const long MigrationLockKey = 7_262_014_001;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString, string description)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        Description = description;
    }

    public override string Description { get; }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"{Description}: cannot connect to PostgreSQL: {e.Message}", e);
        }
    }

    public override string TypeFor(string placeholder) => placeholder switch
    {
        "instant" => "timestamptz",
        "real" => "double precision",
        "bool" => "boolean",
        "bytes" => "bytea",
        _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, "unknown type placeholder"),
    };

    public override string RowsDiffer(string left, string right) => $"{left} IS DISTINCT FROM {right}";

    public override string UtcMonthOf(string instantColumn) => $"to_char({instantColumn} AT TIME ZONE 'UTC', 'YYYY-MM')";

    // Statement triggers with transition tables: one insert of the distinct blocks per statement, however many rows the
    // bulk upsert's INSERT … SELECT writes. Only the branch of the operation is planned, so the function may name a
    // transition table the other operations do not have. Writers run side by side here, so each notes its stale blocks
    // in a temporary table of its own session: in a shared table, two writers noting the same two blocks in opposite
    // orders would wait for each other's rows, and neither could go on (PostgresStoreTests).
    // Payloads are stored uncompressed (STORAGE EXTERNAL): they are read whole, and decompressing the year's 1.6 GB
    // took the server more CPU than sending it (bench/README.md, session 14).
    public override string TestResultBlockDdl =>
        $"""
        ALTER TABLE {TestResultBlocks.Table} ALTER COLUMN payload SET STORAGE EXTERNAL;
        CREATE OR REPLACE FUNCTION test_result_blocks_note_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- Asked first rather than IF NOT EXISTS, which sends the client a notice on every statement after the first.
            IF to_regclass('pg_temp.{TestResultBlocks.StaleTable}') IS NULL THEN
                CREATE TEMPORARY TABLE {TestResultBlocks.StaleTable} (
                    repository text NOT NULL, test_id text NOT NULL, month text NOT NULL, PRIMARY KEY (repository, test_id, month)
                ) ON COMMIT DELETE ROWS;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                {Stale("old_results")}
            END IF;
            IF TG_OP <> 'DELETE' THEN
                {Stale("new_results")}
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE OR REPLACE TRIGGER test_results_inserted AFTER INSERT ON test_results REFERENCING NEW TABLE AS new_results
            FOR EACH STATEMENT EXECUTE FUNCTION test_result_blocks_note_stale();
        CREATE OR REPLACE TRIGGER test_results_updated AFTER UPDATE ON test_results REFERENCING OLD TABLE AS old_results NEW TABLE AS new_results
            FOR EACH STATEMENT EXECUTE FUNCTION test_result_blocks_note_stale();
        CREATE OR REPLACE TRIGGER test_results_deleted AFTER DELETE ON test_results REFERENCING OLD TABLE AS old_results
            FOR EACH STATEMENT EXECUTE FUNCTION test_result_blocks_note_stale();
        """;

    private string Stale(string rows) =>
        $"INSERT INTO {TestResultBlocks.StaleTable} (repository, test_id, month) SELECT DISTINCT repository, test_id, {UtcMonthOf("started_at")} FROM {rows} ON CONFLICT DO NOTHING;";

    public override string InstantAsStoreText(string instantColumn) =>
        $"to_char({instantColumn} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    public override string Utf8LengthOf(string textExpression) => $"octet_length(convert_to({textExpression}, 'UTF8'))";

    // PostgreSQL (12 and later) writes the shortest text that reads back as the same double.
    public override string ExactRealText(string realExpression) => $"CAST({realExpression} AS TEXT)";

    public override string JoinedUtf8Bytes(string textExpression, string orderBy, bool rowsComeInOrder) =>
        $"convert_to(string_agg({textExpression}, '' ORDER BY {orderBy}), 'UTF8')";

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // hashtextextended gives a stable 64-bit key for the name; the lock ends with the transaction.
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))";
        SqlStore.AddParameter(command, "@name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override object InstantToDb(DateTimeOffset instant) => StoreInstants.ToStorePrecision(instant);

    public override DateTimeOffset InstantFromDb(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override long InstantTicksFromDb(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTime>(ordinal).Ticks;

    public override async Task<int> UpsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        EntityMap map,
        IReadOnlyList<object?[]> rows,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var stage = $"stage_{map.Table}";
        var columns = string.Join(", ", map.Columns.Select(c => c.Name));

        await using (var create = npgsql.CreateCommand())
        {
            create.Transaction = (NpgsqlTransaction)transaction;
            create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {columns} FROM {map.Table} WITH NO DATA; "
                + $"TRUNCATE {stage};";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await npgsql.BeginBinaryImportAsync($"COPY {stage} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < map.Columns.Count; i++)
                {
                    var column = map.Columns[i];
                    var value = ToDb(column, row[i]);
                    if (value is DBNull)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, TypeOf(column), cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var merge = npgsql.CreateCommand();
        merge.Transaction = (NpgsqlTransaction)transaction;
        merge.CommandText = UpsertSql(map, $"SELECT {columns}, @changed_at FROM {stage}");
        merge.Parameters.Add(new NpgsqlParameter("changed_at", NpgsqlDbType.TimestampTz) { Value = InstantToDb(now) });
        return await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlDbType TypeOf(Column column) => column.Kind switch
    {
        ColumnKind.Integer => NpgsqlDbType.Integer,
        ColumnKind.Real or ColumnKind.Duration => NpgsqlDbType.Double,
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        ColumnKind.Instant => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };
}
