using Analytics.Storage;
using Analytics.Testing.Postgres;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>The signal cache's proof on PostgreSQL (a database of its own on the test server).</summary>
public sealed class PostgresSignalCacheEquivalenceTests(ITestOutputHelper output) : SignalCacheEquivalenceTests(output), IAsyncDisposable
{
    private readonly PostgresTestServer _server = new();

    protected override async Task<IStore> OpenStoreAsync() =>
        await Store.OpenAsync(new StoreLocation(StoreKind.Postgres, await _server.CreateDatabaseAsync(default)), Time, default);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
