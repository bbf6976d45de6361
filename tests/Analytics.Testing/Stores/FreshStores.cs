using Analytics.Storage;
using Analytics.Testing.Files;
using Analytics.Testing.Postgres;

namespace Analytics.Testing.Stores;

/// <summary>
/// Fresh, empty stores of one kind for a test class that runs on both: SQLite files in a temporary folder, or new
/// databases on the test PostgreSQL server. Disposal closes every store it opened and removes the folder or databases.
/// A test class derives abstractly, takes the kind in its constructor, and each store gets a one-line sealed class.
/// </summary>
public sealed class FreshStores : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly TempDirectory? _folder;
    private readonly PostgresTestServer? _postgres;
    private readonly List<IStore> _opened = [];

    /// <summary>Prepares stores of <paramref name="kind"/>; none is opened yet.</summary>
    /// <param name="kind">SQLite or PostgreSQL.</param>
    /// <param name="time">The clock the stores stamp their writes with.</param>
    /// <exception cref="InvalidOperationException">PostgreSQL is asked for and ANALYTICS_TEST_POSTGRES is not set.</exception>
    public FreshStores(StoreKind kind, TimeProvider time)
    {
        Kind = kind;
        _time = time;

        // Made now, not at the first store: without ANALYTICS_TEST_POSTGRES the PostgreSQL tests fail rather than skip.
        _postgres = kind == StoreKind.Postgres ? new PostgresTestServer() : null;
        _folder = kind == StoreKind.Sqlite ? new TempDirectory("analytics-stores-") : null;
    }

    /// <summary>The kind of store this opens.</summary>
    public StoreKind Kind { get; }

    /// <summary>Opens a new, empty store (closed at disposal).</summary>
    public async Task<IStore> OpenAsync(CancellationToken cancellationToken)
    {
        var target = _postgres is not null
            ? await _postgres.CreateDatabaseAsync(cancellationToken)
            : _folder!.Combine($"store{_opened.Count + 1}.db");
        var store = await Store.OpenAsync(new StoreLocation(Kind, target), _time, cancellationToken);
        _opened.Add(store);
        return store;
    }

    /// <summary>Closes every store opened and removes the files or databases.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
