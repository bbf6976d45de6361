using Analytics.Domain.Testing;
using Analytics.Storage.Schema;
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
    public async Task TestResultBlocks_TwoWritersTouchingTheSameBlocksInOppositeOrders_BothCommitWithEveryResult()
    {
        await using var store = await OpenStoreAsync();
        await using var first = await store.BeginWriteAsync(default);
        await using var second = await store.BeginWriteAsync(default);
        await first.UpsertAsync(Entities.TestResults, [Result("A", "1")], default);
        await second.UpsertAsync(Entities.TestResults, [Result("B", "2")], default);

        // Each writer now touches the block the other touched first. Noted in one shared table, each note would wait for
        // the other's uncommitted one: a deadlock, and PostgreSQL would fail one writer.
        await Task.WhenAll(
                first.UpsertAsync(Entities.TestResults, [Result("B", "1")], default),
                second.UpsertAsync(Entities.TestResults, [Result("A", "2")], default))
            .WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(first.CommitAsync(default), second.CommitAsync(default)).WaitAsync(TimeSpan.FromSeconds(30));

        // The writer that rebuilt last saw the other's committed results: both blocks hold all four.
        (await TestHistoriesAsync(store, ["A", "B"], March, March.AddMonths(1)))
            .Select(r => (r.TestId, r.RunId)).Should().BeEquivalentTo([("A", "1"), ("A", "2"), ("B", "1"), ("B", "2")]);

        static TestResult Result(string test, string run) =>
            new("github-actions", "acme/shop", test, run, 1, "test", 0, "c0ffee", "main", TestOutcome.Passed, TimeSpan.FromSeconds(1), March.AddDays(2), Message: null);
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
