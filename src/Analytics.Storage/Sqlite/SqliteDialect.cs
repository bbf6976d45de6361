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
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;";
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

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.

    public override Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask; // The IMMEDIATE write transaction already excludes every other writer of the file.

    public override object InstantToDb(DateTimeOffset instant) => StoreInstants.ToSqliteText(instant);

    public override DateTimeOffset InstantFromDb(DbDataReader reader, int ordinal) => StoreInstants.FromSqliteText(reader.GetString(ordinal));

    public override IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(DbCommand command, ColumnFiller filler, CancellationToken cancellationToken) =>
        SqliteColumnReader.Read(command, filler, Description, cancellationToken).ToAsyncEnumerable();

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
