using Analytics.Testing;
using Analytics.Testing.Postgres;

namespace Analytics.Storage.Tests;

/// <summary>The store contract on a real PostgreSQL server (a fresh database per test).</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class PostgresStoreTests : StoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestServer _server = new();
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await _server.CreateDatabaseAsync(default);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    protected override async Task<IStore> OpenStoreAsync() =>
        await Store.OpenAsync(new StoreLocation(StoreKind.Postgres, _connectionString), Time, default);

    protected override Task<IStore> ReopenStoreAsync() => OpenStoreAsync();

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Open_ManyNodesAtOnce_MigratesOnceWithoutErrors()
    {
        var opening = Enumerable.Range(0, 6).Select(_ => OpenStoreAsync()).ToList();

        var stores = await Task.WhenAll(opening);

        foreach (var store in stores)
        {
            (await store.GetSchemaVersionAsync(default)).Should().Be(Sql.Migrator.Shipped[^1].Version);
            await store.DisposeAsync();
        }
    }
}
