using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Ownership;

/// <summary>A real store that counts the file-change rows read with their paths: how much history a ledger was fed from.</summary>
public sealed class PathReadingStore(IStore inner) : IStore
{
    /// <summary>File-change rows read with their <c>path</c> column so far.</summary>
    public int FileRowsRead { get; private set; }

    public string Description => inner.Description;

    public Task<IStoreWriter> BeginWriteAsync(CancellationToken cancellationToken) => inner.BeginWriteAsync(cancellationToken);

    public IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
        where T : class => inner.ReadAsync(map, query, cancellationToken);

    public IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, CancellationToken cancellationToken) =>
        inner.ReadValuesAsync(map, query, cancellationToken);

    public async IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(
        EntityMap map,
        IReadOnlyList<string> columns,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in inner.ReadColumnsAsync(map, columns, query, cancellationToken))
        {
            if (map == Entities.FileChanges && columns.Contains("path"))
            {
                FileRowsRead += batch.Count;
            }

            yield return batch;
        }
    }

    public Task<long> CountAsync(EntityMap map, CancellationToken cancellationToken) => inner.CountAsync(map, cancellationToken);

    public Task<string?> GetCursorAsync(string source, string scope, CancellationToken cancellationToken) =>
        inner.GetCursorAsync(source, scope, cancellationToken);

    public Task<RawPayload?> GetRawPayloadAsync(string source, string requestKey, CancellationToken cancellationToken) =>
        inner.GetRawPayloadAsync(source, requestKey, cancellationToken);

    public IAsyncEnumerable<RawPayload> ReadRawPayloadsAsync(string source, CancellationToken cancellationToken) =>
        inner.ReadRawPayloadsAsync(source, cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => inner.GetSchemaVersionAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
