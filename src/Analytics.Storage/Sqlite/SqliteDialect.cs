using System.Data.Common;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Analytics.Storage.Sqlite;

/// <summary>
/// The embedded SQLite store: one file, write-ahead logging so readers never wait for the writer, and a busy timeout so
/// two processes writing at once queue instead of failing.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _path;
    private readonly string _connectionString;

    /// <summary>
    /// Puts SQLite in multi-thread mode before the first connection opens. The store uses each connection from one flow
    /// at a time (opened per operation, pooled), so the per-connection mutex of SQLite's default serialized mode guards
    /// nothing here, yet it is taken and released on every cell a read fetches: a fifth of a test-result scan's CPU.
    /// The mode can only be chosen before SQLite initializes; if something in the process opened SQLite first, the call
    /// fails and connections stay serialized, which is correct, only slower.
    /// </summary>
    static SqliteDialect()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    public SqliteDialect(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The page size, in bytes, of the stores this program creates.</summary>
    public const int PageSize = 16384;

    public override string Description => $"sqlite:{_path}";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // The page size applies when the file is created (so it comes before WAL mode, which writes the header); an
            // existing store keeps its own. 16 KiB rather than 4: a large table is read in a quarter of the calls for
            // pages, and every signal over the org-year took 3 % less CPU while imports took no longer (bench/README.md,
            // session 15).
            command.CommandText = $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreException($"{Description}: cannot open the store: {e.Message}", e);
        }
    }

    public override string TypeFor(string placeholder) => placeholder switch
    {
        "instant" => "TEXT",
        "real" => "REAL",
        "bool" => "INTEGER",
        "bytes" => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, "unknown type placeholder"),
    };

    public override string RowsDiffer(string left, string right) => $"{left} IS NOT {right}";

    public override string UtcMonthOf(string instantColumn) => $"substr({instantColumn}, 1, 7)";

    // A statement that fires triggers (test_results' notes of stale blocks) keeps a statement journal of the pages it
    // changes, in a temporary file by default: a third of a large import's time. A writer's temporary data is small (its
    // statements seek by key), so it keeps it in memory; reads, whose sorts can be large, keep the default.
    public override string? BeforeWriting => "PRAGMA temp_store = MEMORY";

    public override string? AfterWriting => "PRAGMA temp_store = DEFAULT";

    // One writer at a time (an IMMEDIATE transaction), so the stale blocks are noted in an ordinary table, emptied by
    // every rebuild. Row triggers: SQLite has no statement triggers. An upsert that changes a row fires the update
    // trigger; one that changes nothing fires none. ON CONFLICT DO NOTHING, not OR IGNORE: a trigger's OR IGNORE gives way to the outer
    // statement's conflict policy.
    public override string TestResultBlockDdl =>
        $"""
        CREATE TABLE IF NOT EXISTS {TestResultBlocks.StaleTable} (
            repository TEXT NOT NULL,
            test_id TEXT NOT NULL,
            month TEXT NOT NULL,
            PRIMARY KEY (repository, test_id, month)
        );
        DROP TRIGGER IF EXISTS test_results_inserted;
        CREATE TRIGGER test_results_inserted AFTER INSERT ON test_results BEGIN
            {Stale("new")}
        END;
        DROP TRIGGER IF EXISTS test_results_updated;
        CREATE TRIGGER test_results_updated AFTER UPDATE ON test_results BEGIN
            {Stale("old")}
            {Stale("new")}
        END;
        DROP TRIGGER IF EXISTS test_results_deleted;
        CREATE TRIGGER test_results_deleted AFTER DELETE ON test_results BEGIN
            {Stale("old")}
        END;
        """;

    private string Stale(string row) =>
        $"INSERT INTO {TestResultBlocks.StaleTable} (repository, test_id, month) VALUES ({row}.repository, {row}.test_id, {UtcMonthOf(row + ".started_at")}) ON CONFLICT DO NOTHING;";

    public override string InstantAsStoreText(string instantColumn) => instantColumn;

    public override string Utf8LengthOf(string textExpression) => $"length(CAST({textExpression} AS BLOB))";

    // SQLite's own text for a real keeps 15 digits, which give most values back (and parse fastest); 17 give any, but
    // SQLite's printf stops at 16 unless the '!' flag is given.
    public override string ExactRealText(string realExpression) =>
        $"CASE WHEN CAST(printf('%.15g', {realExpression}) AS REAL) = {realExpression} THEN printf('%.15g', {realExpression}) ELSE printf('%!.17g', {realExpression}) END";

    // An aggregate's ORDER BY always sorts, in a temporary file when a transaction has changed more than SQLite's cache
    // holds (half of a large import's time); group_concat joins the rows in the order the index scan gives them.
    public override string JoinedUtf8Bytes(string textExpression, string orderBy, bool rowsComeInOrder) =>
        rowsComeInOrder
            ? $"CAST(group_concat({textExpression}, '') AS BLOB)"
            : $"CAST(group_concat({textExpression}, '' ORDER BY {orderBy}) AS BLOB)";

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.

    public override Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask; // The IMMEDIATE write transaction already excludes every other writer of the file.

    public override object InstantToDb(DateTimeOffset instant) => StoreInstants.ToSqliteText(instant);

    public override DateTimeOffset InstantFromDb(DbDataReader reader, int ordinal) => StoreInstants.FromSqliteText(reader.GetString(ordinal));

    public override IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(DbCommand command, ColumnFiller filler, CancellationToken cancellationToken) =>
        SqliteColumnReader.Read(command, filler, Description, cancellationToken).ToAsyncEnumerable();

    public override IAsyncEnumerable<BytesRow> ReadBytesRowsAsync(DbCommand command, CancellationToken cancellationToken) =>
        SqliteColumnReader.ReadBytesRows(command, Description, cancellationToken).ToAsyncEnumerable();

    public override Task<int> UpsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        EntityMap map,
        IReadOnlyList<object?[]> rows,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // One prepared statement executed per row is SQLite's fastest path: there is no network round trip to save.
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = map.Columns.Select((_, i) => $"@p{i}").Append("@changed_at");
        command.CommandText = UpsertSql(map, $"VALUES ({string.Join(", ", names)})");
        var parameters = new DbParameter[map.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            command.Parameters.Add(parameters[i]);
        }

        SqlStore.AddParameter(command, "@changed_at", InstantToDb(now));
        command.Prepare();

        var changed = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToDb(map.Columns[i], row[i]);
            }

            changed += command.ExecuteNonQuery();
        }

        return Task.FromResult(changed);
    }
}
