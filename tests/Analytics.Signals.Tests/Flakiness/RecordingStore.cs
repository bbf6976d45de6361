using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// A real store seen through a window that records what was read: the number of reads per table, and for raw-value
/// and columnar reads the repository of every row returned. A hand-written decorator, not a mock: every call goes to the store.
/// </summary>
internal sealed class RecordingStore(IStore inner) : ForwardingStore(inner)
{
    /// <summary>Reads started, by table.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Rows returned by raw-value and columnar reads (those that read the repository, or read one repository), by table and
    /// repository.
    /// </summary>
    public ConcurrentDictionary<(string Table, string Repository), int> Rows { get; } = new();

    public override IAsyncEnumerable<T> ReadAsync<T>(EntityMap<T> map, StoreQuery? query, CancellationToken cancellationToken)
    {
        Reads.AddOrUpdate(map.Table, 1, (_, n) => n + 1);
        return Inner.ReadAsync(map, query, cancellationToken);
    }

    public override async IAsyncEnumerable<object?[]> ReadValuesAsync(EntityMap map, StoreQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Reads.AddOrUpdate(map.Table, 1, (_, n) => n + 1);
        var repository = map.IndexOf("repository");
        await foreach (var values in Inner.ReadValuesAsync(map, query, cancellationToken))
        {
            if (repository >= 0)
            {
                Rows.AddOrUpdate((map.Table, (string)values[repository]!), 1, (_, n) => n + 1);
            }

            yield return values;
        }
    }

    public override async IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(
        EntityMap map,
        IReadOnlyList<string> columns,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Reads.AddOrUpdate(map.Table, 1, (_, n) => n + 1);
        var repository = columns.ToList().IndexOf("repository");

        // A read of one repository need not select the column: its rows are that repository's.
        var filtered = query?.Filters.FirstOrDefault(f => f.Column == "repository" && f.Operator == StoreFilterOperator.Equal)?.Value as string;
        await foreach (var batch in Inner.ReadColumnsAsync(map, columns, query, cancellationToken))
        {
            if (repository >= 0)
            {
                foreach (var code in batch.Codes(repository))
                {
                    Rows.AddOrUpdate((map.Table, batch.Strings[code]), 1, (_, n) => n + 1);
                }
            }
            else if (filtered is not null && batch.Count > 0)
            {
                Rows.AddOrUpdate((map.Table, filtered), batch.Count, (_, n) => n + batch.Count);
            }

            yield return batch;
        }
    }
}
