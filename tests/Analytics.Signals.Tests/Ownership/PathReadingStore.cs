using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Ownership;

/// <summary>A real store that counts the file-change rows read with their paths: how much history a ledger was fed from.</summary>
public sealed class PathReadingStore(IStore inner) : ForwardingStore(inner)
{
    /// <summary>File-change rows read with their <c>path</c> column so far.</summary>
    public int FileRowsRead { get; private set; }

    public override async IAsyncEnumerable<ColumnBatch> ReadColumnsAsync(
        EntityMap map,
        IReadOnlyList<string> columns,
        StoreQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in Inner.ReadColumnsAsync(map, columns, query, cancellationToken))
        {
            if (map == Entities.FileChanges && columns.Contains("path"))
            {
                FileRowsRead += batch.Count;
            }

            yield return batch;
        }
    }
}
