using Analytics.Domain.Code;
using Analytics.Storage.Schema;
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

    [Fact]
    public async Task OpenAsync_NewFile_CreatesItWith16KiBPages()
    {
        await using (await OpenStoreAsync())
        {
        }

        (await ScalarAsync("PRAGMA page_size")).Should().Be(16384L);
    }

    [Fact]
    public async Task OpenAsync_FileMadeWith4KiBPages_KeepsThemAndItsRecords()
    {
        // A store made before the page size was set (or by another tool): its pages stay as they are.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_elsewhere (id INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        await using (var store = await OpenStoreAsync())
        {
            await WriteAsync(store, SampleRecords.Full);
        }

        (await ScalarAsync("PRAGMA page_size")).Should().Be(4096L);
        await using var reopened = await ReopenStoreAsync();
        (await ReadAllAsync(reopened, Entities.Repositories)).Should().Equal(SampleRecords.Full.OfType<Repository>());
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
