using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests;

/// <summary>
/// A real store seen through a decorator that passes every call on: tests derive from it to watch the reads they care
/// about (a hand-written decorator, not a mock: every call goes to the store). The inner store belongs to the test's
/// fixture, so disposing the decorator leaves it open.
/// </summary>
public abstract class ForwardingStore(IStore inner) : IStore
{
    /// <summary>The store every call goes to.</summary>
    protected IStore Inner { get; } = inner;

    /// <inheritdoc />
    public string Description => Inner.Description;

    /// <inheritdoc />
    public Task<IStoreWriter> BeginWriteAsync(CancellationToken cancellationToken) => Inner.BeginWriteAsync(cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
        where T : class => Inner.ReadAsync(map, query, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, CancellationToken cancellationToken) =>
        Inner.ReadValuesAsync(map, query, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(EntityMap map, IReadOnlyList<string> columns, StoreQuery? query, CancellationToken cancellationToken) =>
        Inner.ReadColumnsAsync(map, columns, query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<string>> ReadDistinctAsync(
        EntityMap map, string column, string? equalColumn, string? equalValue, CancellationToken cancellationToken) =>
        Inner.ReadDistinctAsync(map, column, equalColumn, equalValue, cancellationToken);

    /// <inheritdoc />
    public Task<long> CountAsync(EntityMap map, CancellationToken cancellationToken) => Inner.CountAsync(map, cancellationToken);

    /// <inheritdoc />
    public Task<long> CountAsync(EntityMap map, StoreQuery query, CancellationToken cancellationToken) => Inner.CountAsync(map, query, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetCursorAsync(string source, string scope, CancellationToken cancellationToken) =>
        Inner.GetCursorAsync(source, scope, cancellationToken);

    /// <inheritdoc />
    public Task<RawPayload?> GetRawPayloadAsync(string source, string requestKey, CancellationToken cancellationToken) =>
        Inner.GetRawPayloadAsync(source, requestKey, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RawPayload> ReadRawPayloadsAsync(string source, CancellationToken cancellationToken) =>
        Inner.ReadRawPayloadsAsync(source, cancellationToken);

    /// <inheritdoc />
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => Inner.GetSchemaVersionAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
