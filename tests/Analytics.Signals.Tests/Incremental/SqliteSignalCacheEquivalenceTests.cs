using Analytics.Storage;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>The signal cache's proof on a SQLite store.</summary>
public sealed class SqliteSignalCacheEquivalenceTests(ITestOutputHelper output) : SignalCacheEquivalenceTests(output), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-cache-").FullName;
    private int _stores;

    // A file of its own each time: a test may compare two stores.
    protected override async Task<IStore> OpenStoreAsync() =>
        await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, $"store-{++_stores}.db")), Time, default);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
