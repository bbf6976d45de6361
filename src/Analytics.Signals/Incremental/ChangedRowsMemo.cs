using System.Collections.Concurrent;
using Analytics.Storage;
using Analytics.Storage.Caching;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// The rows of an entity changed since a watermark and the deletions recorded since then, read once per
/// <see cref="SignalCache.ComputeAllAsync"/> however many signals' footprints read the entity: every signal of a pass
/// shares one watermark, so they look for changes since the same instant. A set larger than <see cref="MaxRows"/> is
/// not kept (such a set almost always makes the signals that read it compute whole, which needs only its first rows):
/// the scanner then reads it itself, as it would without the memo.
/// </summary>
internal sealed class ChangedRowsMemo(IStore store)
{
    /// <summary>The most changed rows kept per entity: a large batch (1 % of scale 1.0 is about 150,000 rows) is read again instead.</summary>
    public const int MaxRows = 200_000;

    private readonly ConcurrentDictionary<(string Table, DateTimeOffset Since), Lazy<Task<ChangedRows?>>> _sets = new();

    /// <summary>The entity's changed rows and deletions since <paramref name="since"/>, or null when there are too many to keep.</summary>
    public Task<ChangedRows?> GetAsync(EntityMap entity, DateTimeOffset since, CancellationToken cancellationToken) =>
        _sets.GetOrAdd((entity.Table, since), _ => new Lazy<Task<ChangedRows?>>(() => ReadAsync(entity, since, cancellationToken))).Value;

    private async Task<ChangedRows?> ReadAsync(EntityMap entity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deletions = new List<StoreDeletion>();
        await foreach (var deletion in store.ReadAsync(Entities.StoreDeletions, StoreQuery.All.Where("table_name", entity.Table).Since("deleted_at", since), cancellationToken))
        {
            deletions.Add(deletion);
        }

        var rows = new List<object?[]>();
        // In any order: ordered by key, SQLite (no statistics) walks the whole table in key order instead of the changed_at
        // index — 11 M test results for a batch of 100 k at the benchmark's scale.
        await foreach (var values in store.ReadValuesAsync(entity, StoreQuery.All.ChangedSince(since).InAnyOrder(), cancellationToken))
        {
            if (rows.Count == MaxRows)
            {
                return null;
            }

            rows.Add(values);
        }

        return new ChangedRows(deletions, rows);
    }
}
