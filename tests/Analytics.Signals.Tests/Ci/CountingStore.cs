using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Ci;

/// <summary>A real store that counts how often each table is read, to see which reads signals share.</summary>
public sealed class CountingStore(IStore inner) : ForwardingStore(inner)
{
    private readonly Dictionary<string, int> _reads = [];

    /// <summary>How many reads of <paramref name="table"/> were started.</summary>
    public int ReadsOf(string table)
    {
        lock (_reads)
        {
            return _reads.GetValueOrDefault(table);
        }
    }

    public override IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
    {
        Count(map);
        return Inner.ReadAsync(map, query, cancellationToken);
    }

    public override IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, CancellationToken cancellationToken)
    {
        Count(map);
        return Inner.ReadValuesAsync(map, query, cancellationToken);
    }

    public override IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(EntityMap map, IReadOnlyList<string> columns, StoreQuery? query, CancellationToken cancellationToken)
    {
        Count(map);
        return Inner.ReadColumnsAsync(map, columns, query, cancellationToken);
    }

    public override Task<IReadOnlyList<string>> ReadDistinctAsync(
        EntityMap map, string column, string? equalColumn, string? equalValue, CancellationToken cancellationToken)
    {
        Count(map);
        return Inner.ReadDistinctAsync(map, column, equalColumn, equalValue, cancellationToken);
    }

    private void Count(EntityMap map)
    {
        lock (_reads)
        {
            _reads[map.Table] = _reads.GetValueOrDefault(map.Table) + 1;
        }
    }
}
