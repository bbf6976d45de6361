using Analytics.Storage;
using Npgsql;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// Empty stores made for one benchmark run and removed after it: SQLite files in the run's directory, and PostgreSQL
/// databases (<c>analytics_bench_&lt;pid&gt;_&lt;n&gt;_&lt;purpose&gt;</c>) created on the given server, which therefore
/// needs the CREATEDB privilege.
/// </summary>
internal sealed class ScratchStores(string directory, string? postgres) : IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private int _created;

    /// <summary>Makes a new empty store.</summary>
    /// <param name="kind">Its database.</param>
    /// <param name="purpose">A word for its file or database name (letters only).</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <exception cref="InvalidOperationException">PostgreSQL is asked for but no connection string was given.</exception>
    public async Task<StoreLocation> CreateAsync(StoreKind kind, string purpose, CancellationToken cancellationToken)
    {
        _created++;
        if (kind == StoreKind.Sqlite)
        {
            return new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, $"{_created}-{purpose}.db"));
        }

        var name = $"analytics_bench_{Environment.ProcessId}_{_created}_{purpose}";
        await ExecuteAsync($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
        _databases.Add(name);
        return new StoreLocation(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString);
    }

    /// <summary>
    /// A store kept between runs (not dropped by <see cref="DisposeAsync"/>): the SQLite file <c>&lt;name&gt;.db</c> in
    /// the directory, or the PostgreSQL database <c>&lt;name&gt;</c>, created when missing.
    /// </summary>
    /// <param name="kind">Its database.</param>
    /// <param name="name">Its file or database name (lower-case letters, digits and <c>_</c>).</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<StoreLocation> KeepAsync(StoreKind kind, string name, CancellationToken cancellationToken)
    {
        if (kind == StoreKind.Sqlite)
        {
            return new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, name + ".db"));
        }

        await using (var connection = new NpgsqlConnection(Admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            command.Parameters.AddWithValue("name", name);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", cancellationToken);
            }
        }

        return new StoreLocation(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString);
    }

    /// <summary>The store's size on disk: the SQLite file with its WAL, or <c>pg_database_size</c>.</summary>
    public async Task<long> SizeAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Kind == StoreKind.Sqlite)
        {
            return new[] { "", "-wal" }.Select(suffix => new FileInfo(location.Target + suffix)).Where(f => f.Exists).Sum(f => f.Length);
        }

        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(@name)", connection);
        command.Parameters.AddWithValue("name", DatabaseOf(location));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Removes the store now, to free the disk for the next one.</summary>
    public async Task DropAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Kind == StoreKind.Sqlite)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(location.Target + suffix);
            }

            return;
        }

        var name = DatabaseOf(location);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
        _databases.Remove(name);
    }

    /// <summary>Drops the databases still there; the directory is the caller's.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _databases.ToList())
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
            }
            catch (NpgsqlException e)
            {
                await Console.Error.WriteLineAsync($"warning: could not drop the scratch database {name}: {e.Message}");
            }
        }

        _databases.Clear();
    }

    private string Admin => postgres ?? throw new InvalidOperationException("no PostgreSQL connection string was given");

    private static string DatabaseOf(StoreLocation location) =>
        new NpgsqlConnectionStringBuilder(location.Target).Database!;

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
