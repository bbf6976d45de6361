using Analytics.Storage.Postgres;
using Analytics.Storage.Sql;
using Analytics.Storage.Sqlite;

namespace Analytics.Storage;

/// <summary>Opens stores.</summary>
public static class Store
{
    /// <summary>Opens the store at <paramref name="location"/>, creating it if needed and applying pending migrations.</summary>
    /// <exception cref="StoreException">The store cannot be reached, or its schema is newer than this program.</exception>
    public static async Task<IStore> OpenAsync(StoreLocation location, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        SqlDialect dialect = location.Kind switch
        {
            StoreKind.Sqlite => new SqliteDialect(location.Target),
            _ => new PostgresDialect(location.Target, location.Description),
        };
        try
        {
            return await SqlStore.OpenAsync(dialect, time, cancellationToken);
        }
        catch
        {
            if (dialect is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            throw;
        }
    }
}
