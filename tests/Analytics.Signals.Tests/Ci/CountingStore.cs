using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Ci;

/// <summary>A real store that counts how often each table is read, to see which reads signals share.</summary>
public sealed class CountingStore(IStore inner) : IStore
{
    private readonly Dictionary<string, int> _reads = [];

    public string Description => inner.Description;

    /// <summary>How many reads of <paramref name="table"/> were started.</summary>
    public int ReadsOf(string table)
    {
        lock (_reads)
        {
            return _reads.GetValueOrDefault(table);
        }
    }

    public Task<IStoreWriter> BeginWriteAsync(CancellationToken cancellationToken) => inner.BeginWriteAsync(cancellationToken);

    public IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
        where T : class
    {
        Count(map);
        return inner.ReadAsync(map, query, cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, CancellationToken cancellationToken)
    {
        Count(map);
        return inner.ReadValuesAsync(map, query, cancellationToken);
    }

    public IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(EntityMap map, IReadOnlyList<string> columns, StoreQuery? query, CancellationToken cancellationToken)
    {
        Count(map);
        return inner.ReadColumnsAsync(map, columns, query, cancellationToken);
    }

    public Task<long> CountAsync(EntityMap map, CancellationToken cancellationToken) => inner.CountAsync(map, cancellationToken);

    public Task<string?> GetCursorAsync(string source, string scope, CancellationToken cancellationToken) =>
        inner.GetCursorAsync(source, scope, cancellationToken);

    public Task<RawPayload?> GetRawPayloadAsync(string source, string requestKey, CancellationToken cancellationToken) =>
        inner.GetRawPayloadAsync(source, requestKey, cancellationToken);

    public IAsyncEnumerable<RawPayload> ReadRawPayloadsAsync(string source, CancellationToken cancellationToken) =>
        inner.ReadRawPayloadsAsync(source, cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => inner.GetSchemaVersionAsync(cancellationToken);

    // The inner store belongs to the fixture that made it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Count(EntityMap map)
    {
        lock (_reads)
        {
            _reads[map.Table] = _reads.GetValueOrDefault(map.Table) + 1;
        }
    }
}
