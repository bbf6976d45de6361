using System.Globalization;
using Npgsql;

namespace Analytics.Testing.Postgres;

/// <summary>
/// The PostgreSQL server that <c>scripts/test.sh</c> starts for a test run, named by the <c>ANALYTICS_TEST_POSTGRES</c>
/// environment variable. Each test asks for its own fresh database, so no test sees another's data; disposing the
/// server object drops every database it created.
/// </summary>
/// <remarks>
/// Without the variable the constructor throws: tests that need PostgreSQL must fail, not skip, when they are run
/// outside <c>scripts/test.sh</c>. Thread-safe.
/// </remarks>
public sealed class PostgresTestServer : IAsyncDisposable, IDisposable
{
    /// <summary>The environment variable that holds the administrative connection string.</summary>
    public const string EnvironmentVariable = "ANALYTICS_TEST_POSTGRES";

    private const string DatabasePrefix = "analytics_test_";

    private readonly List<string> _databases = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Uses the server named by <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public PostgresTestServer()
        : this(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the tests through `bash scripts/test.sh`, which starts PostgreSQL."))
    {
    }

    /// <summary>Uses the server reached with <paramref name="adminConnectionString"/>.</summary>
    /// <param name="adminConnectionString">
    /// An Npgsql connection string of a user allowed to create and drop databases, to an existing database
    /// (usually <c>postgres</c>).
    /// </param>
    /// <exception cref="ArgumentException">The connection string is blank or malformed.</exception>
    public PostgresTestServer(string adminConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminConnectionString);
        AdminConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString).ConnectionString;
    }

    /// <summary>The connection string used to create and drop databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The databases created so far and not yet dropped.</summary>
    public IReadOnlyList<string> Databases
    {
        get
        {
            lock (_lock)
            {
                return [.. _databases];
            }
        }
    }

    /// <summary>Creates an empty database with a unique name.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A connection string to the new database (the admin string with its <c>Database</c> replaced).</returns>
    /// <exception cref="ObjectDisposedException">The server object was disposed.</exception>
    /// <exception cref="NpgsqlException">The server refused or could not be reached.</exception>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = DatabasePrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_lock)
        {
            _databases.Add(name);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Drops every database this object created, closing connections still open to them.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in TakeDatabases())
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(DropSql(name), connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Drops every database this object created, closing connections still open to them.</summary>
    public void Dispose()
    {
        foreach (var name in TakeDatabases())
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(DropSql(name), connection);
            command.ExecuteNonQuery();
        }
    }

    // FORCE (PostgreSQL 13+) ends other sessions still connected, such as pooled connections of another pool.
    private static string DropSql(string name) => $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private List<string> TakeDatabases()
    {
        lock (_lock)
        {
            _disposed = true;
            var names = _databases.ToList();
            _databases.Clear();
            return names;
        }
    }
}
