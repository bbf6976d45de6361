using Analytics.Storage;
using Analytics.Testing.Postgres;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>The outbox on one PostgreSQL database (a fresh one per test) shared by several connections.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class PostgresOutboxTests : OutboxTests, IAsyncLifetime
{
    private readonly PostgresTestServer _server = new();
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await _server.CreateDatabaseAsync(default);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    protected override Task<IStore> OpenNodeAsync() =>
        Store.OpenAsync(new StoreLocation(StoreKind.Postgres, _connectionString), Time, default);
}
