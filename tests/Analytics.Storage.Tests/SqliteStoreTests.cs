using Analytics.Testing;

namespace Analytics.Storage.Tests;

/// <summary>The store contract on the embedded SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-store-").FullName;

    private string Path => System.IO.Path.Combine(_directory, "store.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override async Task<IStore> OpenStoreAsync() =>
        await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, Path), Time, default);

    protected override Task<IStore> ReopenStoreAsync() => OpenStoreAsync();

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
