using Analytics.Collectors.Tests.HttpApi;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Files;
using Analytics.Testing.Postgres;

namespace Analytics.Collectors.Tests.Sync;

/// <summary>
/// What every collector's sync tests share: a store under test (a SQLite file in a temporary folder, or a fresh
/// PostgreSQL database), a clock whose timers fire at once, an HTTP client, and the disposal of them all. A collector's
/// tests derive once, abstractly, and each store gets a one-line sealed class passing its <see cref="StoreKind"/>, so
/// every test runs on both stores.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class StoreBackedSyncTests : IAsyncLifetime
{
    private readonly StoreKind _kind;
    private readonly TempDirectory _temp = new();

    // Built at construction, as a field of the PostgreSQL class was before: without ANALYTICS_TEST_POSTGRES the
    // PostgreSQL tests fail rather than skip.
    private readonly PostgresTestServer? _postgres;

    /// <summary>Prepares the scaffolding; the store is opened by <see cref="InitializeAsync"/>.</summary>
    /// <param name="kind">The store the tests run on.</param>
    /// <param name="now">Where the clock stands.</param>
    protected StoreBackedSyncTests(StoreKind kind, DateTimeOffset now)
    {
        _kind = kind;
        _postgres = kind == StoreKind.Postgres ? new PostgresTestServer() : null;
        Time = new ImmediateTimeProvider(now);
    }

    /// <summary>The clock given to clients and syncs; it records every delay asked for.</summary>
    protected ImmediateTimeProvider Time { get; }

    /// <summary>The HTTP client for the collector's client.</summary>
    protected HttpClient Http { get; } = new();

    /// <summary>The store under test, open between <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>.</summary>
    protected IStore Store { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var location = _postgres is null
            ? new StoreLocation(StoreKind.Sqlite, _temp.Combine("store.db"))
            : new StoreLocation(_kind, await _postgres.CreateDatabaseAsync(default));
        Store = await Analytics.Storage.Store.OpenAsync(location, Time, default);
    }

    /// <summary>Closes the store and drops or deletes it; a collector's tests override it to stop their fake server too.</summary>
    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// Opens a second, SQLite store in the temporary folder (on either kind of run), such as the store a faulty run
    /// writes to; the caller disposes it.
    /// </summary>
    protected async Task<IStore> OpenSqliteStoreAsync(string fileName) =>
        await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, _temp.Combine(fileName)), Time, default);

    /// <summary>Every record of one entity in <see cref="Store"/>, in the store's key order.</summary>
    protected Task<List<T>> ReadAsync<T>(EntityMap<T> map)
        where T : class =>
        StoreSnapshot.ReadAllAsync(Store, map);
}
