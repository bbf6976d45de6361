using Analytics.Storage;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>The outbox on one SQLite file shared by several connections.</summary>
public sealed class SqliteOutboxTests : OutboxTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-delivery-").FullName;

    protected override Task<IStore> OpenNodeAsync() =>
        Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), Time, default);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
