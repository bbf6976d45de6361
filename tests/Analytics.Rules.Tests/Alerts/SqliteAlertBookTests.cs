using Analytics.Storage;

namespace Analytics.Rules.Tests.Alerts;

/// <summary>Alert state on one SQLite file shared by two connections.</summary>
public sealed class SqliteAlertBookTests : AlertBookTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-rules-").FullName;

    protected override Task<IStore> OpenNodeAsync() =>
        Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path.Combine(_directory, "store.db")), Time, default);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
