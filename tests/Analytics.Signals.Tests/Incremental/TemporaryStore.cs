using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A SQLite store in a temporary directory, stamped by a fake clock, for the signal cache's hand-built cases: write a
/// batch, move the clock on, compute through the cache, and compare with a full computation.
/// </summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    private readonly string _directory;

    private TemporaryStore(string directory, FakeTimeProvider time, IStore store)
    {
        _directory = directory;
        Time = time;
        Store = store;
    }

    /// <summary>The clock the store stamps <c>changed_at</c> with; a signal cache on the store takes it too.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The store.</summary>
    public IStore Store { get; }

    /// <summary>Opens an empty store whose clock reads <paramref name="now"/>.</summary>
    public static async Task<TemporaryStore> OpenAsync(DateTimeOffset now)
    {
        var directory = Directory.CreateTempSubdirectory("analytics-cache-case-").FullName;
        var time = new FakeTimeProvider(now);
        var store = await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(directory, "store.db")), time, default);
        return new TemporaryStore(directory, time, store);
    }

    /// <summary>Writes <paramref name="batch"/> in one transaction, then moves the clock on an hour.</summary>
    public async Task WriteAsync(params (EntityMap Map, IReadOnlyList<object> Records)[] batch)
    {
        await using (var writer = await Store.BeginWriteAsync(default))
        {
            foreach (var (map, records) in batch)
            {
                await writer.UpsertAsync(map, records.ToList(), default);
            }

            await writer.CommitAsync(default);
        }

        Time.Advance(TimeSpan.FromHours(1));
    }

    /// <summary>Deletes the records with <paramref name="keys"/> in one transaction, then moves the clock on an hour.</summary>
    public async Task DeleteAsync(EntityMap map, params object[][] keys)
    {
        await using (var writer = await Store.BeginWriteAsync(default))
        {
            await writer.DeleteAsync(map, keys, default);
            await writer.CommitAsync(default);
        }

        Time.Advance(TimeSpan.FromHours(1));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
