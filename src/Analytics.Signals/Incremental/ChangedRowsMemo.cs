using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Analytics.Storage;
using Analytics.Storage.Caching;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// The rows of an entity changed since a watermark and the deletions recorded since then, read once per
/// <see cref="SignalCache.ComputeAllAsync"/> however many signals' footprints read the entity: every signal of a pass
/// shares one watermark, so they look for changes since the same instant. Only the columns the pass's footprints place
/// a row by are read (its instants, the column naming the row it belongs to, the columns naming its teams, a
/// transition's ticket and instant), as a
/// columnar read: a batch's test results are most of its rows, and reading them whole cost more than the recomputation
/// they lead to. A set larger than <see cref="MaxRows"/> is not kept (such a set almost always makes the signals that
/// read it compute whole, which needs only its first rows): the scanner then reads it itself, as it would without the
/// memo. The rows the changed rows belong to (<see cref="GetViaRowsAsync"/>) are read once per pass too, as the few
/// columns that place them, and the footprints that place an entity's rows alike are scanned once (<see cref="GetScanAsync"/>).
/// </summary>
internal sealed class ChangedRowsMemo
{
    /// <summary>The most changed rows kept per entity: a large batch (1 % of scale 1.0 is about 150,000 rows) is read again instead.</summary>
    public const int MaxRows = 200_000;

    // Parameters per IN (…) list: well under SQLite's and PostgreSQL's limits.
    private const int LookupChunk = 500;

    /// <summary>The columns naming a row's CI run (<see cref="EntityFootprint.WithRunAttempts"/>).</summary>
    public static readonly string[] RunColumns = ["source", "repository", "run_id"];

    private static readonly string[] RunTimes = ["queued_at", "started_at", "finished_at"];

    private readonly IStore _store;
    private readonly Dictionary<string, string[]> _placingColumns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, DateTimeOffset Since), Lazy<Task<ChangedRows?>>> _sets = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ViaRow>>>> _via = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<(string Source, string Repository, string RunId), (DateTimeOffset Earliest, DateTimeOffset Latest)>>>> _runs =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, string Column), Lazy<Task<IReadOnlySet<string>>>> _distinct = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, (DateTimeOffset? Earliest, DateTimeOffset? Latest)>>>> _mentions =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<(bool Everything, int Rows, IReadOnlyList<ReachedSpan> Spans)>>> _scans =
        new(StringComparer.Ordinal);

    /// <summary>A memo for a pass over <paramref name="store"/> whose signals have <paramref name="footprints"/>.</summary>
    public ChangedRowsMemo(IStore store, IEnumerable<SignalFootprint> footprints)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        _store = store;
        foreach (var group in footprints.SelectMany(f => f.Reads).GroupBy(r => r.Entity.Table, StringComparer.Ordinal))
        {
            var entity = group.First().Entity;
            var owners = TeamAttribution.OwnerColumns(entity);
            _placingColumns[group.Key] = group
                .SelectMany(read => read.TimeColumns
                    .Concat(read.Via is { } via ? [via.Column] : [])
                    .Concat(read.MentionedBy is { } mentions ? [mentions.Column] : [])
                    .Concat(read.PlacedByTicketHistory ? TicketResolutionBounds.Columns(read.Entity) : [])
                    .Concat(read.WithRunAttempts ? RunColumns : []))
                .Concat(TeamAttribution.Present(owners))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>
    /// The entity's changed rows and deletions since <paramref name="since"/>, or null when there are too many to keep.
    /// A row holds only the columns that place it (<see cref="ChangedRows.Rows"/>).
    /// </summary>
    public Task<ChangedRows?> GetAsync(EntityMap entity, DateTimeOffset since, CancellationToken cancellationToken) =>
        Once(_sets, (entity.Table, since), () => ReadAsync(entity, since, cancellationToken));

    /// <summary>
    /// What <paramref name="scan"/> found for the entity footprints of this pass that place rows alike (the same
    /// <paramref name="shape"/>): whether a change reaches everything, how many rows changed, and the spans reached.
    /// </summary>
    public Task<(bool Everything, int Rows, IReadOnlyList<ReachedSpan> Spans)> GetScanAsync(
        string shape, Func<Task<(bool Everything, int Rows, IReadOnlyList<ReachedSpan> Spans)>> scan) =>
        Once(_scans, shape, scan);

    /// <summary>
    /// The rows of <paramref name="entity"/> whose <paramref name="column"/> is one of <paramref name="keys"/>, with
    /// <paramref name="times"/> and the columns naming their teams; read once per pass for the same arguments.
    /// </summary>
    public Task<IReadOnlyList<ViaRow>> GetViaRowsAsync(
        EntityMap entity, string column, IReadOnlyList<string> times, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        // Keyed by a digest of the sorted keys: a changed repository's records or a batch's pull requests can be many.
        var sorted = keys.Order(StringComparer.Ordinal).ToList();
        var memoKey = Digest([entity.Table, column, .. times, "", .. sorted]);
        return Once(_via, memoKey, () => ReadViaAsync(entity, column, times, sorted, cancellationToken));
    }

    /// <summary>
    /// The earliest and latest instant of the stored attempts of each of <paramref name="runs"/> (<c>workflow_runs</c>,
    /// by key); a run with no stored attempt is left out. Read once per pass for the same runs.
    /// </summary>
    public Task<IReadOnlyDictionary<(string Source, string Repository, string RunId), (DateTimeOffset Earliest, DateTimeOffset Latest)>> GetRunAttemptsAsync(
        IReadOnlyCollection<(string Source, string Repository, string RunId)> runs, CancellationToken cancellationToken)
    {
        var sorted = runs.Distinct().OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Repository, StringComparer.Ordinal)
            .ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var memoKey = Digest(sorted.Select(r => $"{r.Source}\u001f{r.Repository}\u001f{r.RunId}"));
        return Once(_runs, memoKey, () => ReadRunAttemptsAsync(sorted, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<(string Source, string Repository, string RunId), (DateTimeOffset Earliest, DateTimeOffset Latest)>> ReadRunAttemptsAsync(
        IReadOnlyList<(string Source, string Repository, string RunId)> runs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string Source, string Repository, string RunId), (DateTimeOffset Earliest, DateTimeOffset Latest)>();
        string[] columns = ["run_id", .. RunTimes];
        // By the key's prefix: one source and repository, a chunk of run ids.
        foreach (var repository in runs.GroupBy(r => (r.Source, r.Repository)))
        {
            foreach (var chunk in repository.Select(r => r.RunId).Chunk(LookupChunk))
            {
                var query = StoreQuery.All.Where("source", repository.Key.Source).Where("repository", repository.Key.Repository).WhereIn("run_id", chunk).InAnyOrder();
                await foreach (var batch in _store.ReadColumnsAsync(Entities.WorkflowRuns, columns, query, cancellationToken))
                {
                    for (var row = 0; row < batch.Count; row++)
                    {
                        var run = (repository.Key.Source, repository.Key.Repository, Text(batch, 0, row)!);
                        for (var c = 1; c < columns.Length; c++)
                        {
                            if (batch.IsNull(c, row))
                            {
                                continue;
                            }

                            var at = new DateTimeOffset(batch.Ticks(c)[row], TimeSpan.Zero);
                            found[run] = found.TryGetValue(run, out var known)
                                ? (known.Earliest < at ? known.Earliest : at, known.Latest > at ? known.Latest : at)
                                : (at, at);
                        }
                    }
                }
            }
        }

        return found;
    }

    // The value of a memo entry: computed by the caller that added it, awaited by the others outside their slot of the
    // pass (ComputeSlots), so another signal plans meanwhile.
    private static Task<T> Once<TKey, T>(ConcurrentDictionary<TKey, Lazy<Task<T>>> memo, TKey key, Func<Task<T>> make)
        where TKey : notnull
    {
        var mine = new Lazy<Task<T>>(make);
        var entry = memo.GetOrAdd(key, mine);
        return ReferenceEquals(entry, mine) ? entry.Value : ComputeSlots.WaitOutsideAsync(() => entry.Value);
    }

    private static string Digest(IEnumerable<string> parts)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(part));
            digest.AppendData([0]);
        }

        return Convert.ToHexString(digest.GetHashAndReset());
    }

    private async Task<IReadOnlyList<ViaRow>> ReadViaAsync(
        EntityMap entity, string column, IReadOnlyList<string> times, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var owners = TeamAttribution.OwnerColumns(entity);
        string[] columns = [column, .. times, .. TeamAttribution.Present(owners)];
        var repositoryAt = owners is { Repository: not null } ? 1 + times.Count : -1;
        var serviceAt = owners is { Service: not null } ? 1 + times.Count + (repositoryAt >= 0 ? 1 : 0) : -1;
        var rows = new List<ViaRow>();
        foreach (var chunk in keys.Chunk(LookupChunk))
        {
            await foreach (var batch in _store.ReadColumnsAsync(entity, columns, StoreQuery.All.WhereIn(column, chunk).InAnyOrder(), cancellationToken))
            {
                for (var row = 0; row < batch.Count; row++)
                {
                    var instants = new DateTimeOffset?[times.Count];
                    for (var t = 0; t < times.Count; t++)
                    {
                        instants[t] = (DateTimeOffset?)batch.Value(1 + t, row);
                    }

                    rows.Add(new ViaRow(
                        Text(batch, 0, row)!,
                        instants,
                        repositoryAt >= 0 ? Text(batch, repositoryAt, row) : null,
                        serviceAt >= 0 ? Text(batch, serviceAt, row) : null));
                }
            }
        }

        return rows;
    }

    private static string? Text(ColumnBatch batch, int column, int row) => batch.Strings.OrNull(batch.Codes(column)[row]);

    /// <summary>
    /// Each of <paramref name="keys"/> that the rows of <paramref name="mentions"/>' target mention
    /// (<see cref="WorkMix.TicketReferences"/>), with the earliest and latest instant of the rows mentioning it (both null
    /// when one of them has no time set); read once per pass for the same keys. The whole target is read (a pull
    /// request's title and branch): which rows mention a key is in their text; only the keys asked for are made strings.
    /// </summary>
    public Task<IReadOnlyDictionary<string, (DateTimeOffset? Earliest, DateTimeOffset? Latest)>> GetMentionsAsync(
        Mentions mentions, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(keys);
        var memoKey = Digest([mentions.Target.Table, .. mentions.TextColumns, "", .. mentions.TimeColumns, "", .. keys.Order(StringComparer.Ordinal)]);
        return Once(_mentions, memoKey, () => ReadMentionsAsync(mentions, keys, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<string, (DateTimeOffset? Earliest, DateTimeOffset? Latest)>> ReadMentionsAsync(
        Mentions mentions, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var texts = mentions.TextColumns.Count;
        var wanted = new HashSet<string>(keys, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new Dictionary<string, (DateTimeOffset? Earliest, DateTimeOffset? Latest)>(StringComparer.Ordinal);
        var columns = mentions.TextColumns.Concat(mentions.TimeColumns).ToArray();
        var rowKeys = new List<string>();
        await foreach (var batch in _store.ReadColumnsAsync(mentions.Target, columns, StoreQuery.All.InAnyOrder(), cancellationToken))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                rowKeys.Clear();
                for (var c = 0; c < texts; c++)
                {
                    var text = Text(batch, c, row);
                    foreach (var match in WorkMix.TicketReferences.Matches(text))
                    {
                        if (wanted.TryGetValue(text.AsSpan(match.Index, match.Length), out var key))
                        {
                            rowKeys.Add(key);
                        }
                    }
                }

                if (rowKeys.Count == 0)
                {
                    continue;
                }

                DateTimeOffset? earliest = null, latest = null;
                for (var c = texts; c < columns.Length; c++)
                {
                    if (!batch.IsNull(c, row))
                    {
                        var at = new DateTimeOffset(batch.Ticks(c)[row], TimeSpan.Zero);
                        earliest = earliest is { } e && e < at ? e : at;
                        latest = latest is { } l && l > at ? l : at;
                    }
                }

                foreach (var key in rowKeys)
                {
                    // A mentioning row without a time could count anywhere: the key's instants are then both null.
                    if (!found.TryGetValue(key, out var known))
                    {
                        found[key] = (earliest, latest);
                    }
                    else if (known.Earliest is { } knownEarliest && earliest is { } rowEarliest)
                    {
                        found[key] = (knownEarliest < rowEarliest ? knownEarliest : rowEarliest, known.Latest > latest ? known.Latest : latest);
                    }
                    else
                    {
                        found[key] = (null, null);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The distinct values of a text column (the repositories' names, the spellings a table's records name their
    /// repository by), read once per pass however many signals' footprints ask.
    /// </summary>
    public Task<IReadOnlySet<string>> GetDistinctAsync(EntityMap entity, string column, CancellationToken cancellationToken) =>
        Once(_distinct, (entity.Table, column), () => ReadDistinctAsync(entity, column, cancellationToken));

    private async Task<IReadOnlySet<string>> ReadDistinctAsync(EntityMap entity, string column, CancellationToken cancellationToken)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in _store.ReadColumnsAsync(entity, [column], StoreQuery.All.InAnyOrder(), cancellationToken))
        {
            foreach (var code in batch.Codes(0))
            {
                if (batch.Strings.OrNull(code) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private async Task<ChangedRows?> ReadAsync(EntityMap entity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deletions = await ChangeScanner.DeletionsAsync(_store, entity.Table, since, cancellationToken);
        var rewrites = entity.RewritesIgnoring is null ? [] : await ChangeScanner.DeletionsAsync(_store, StoreDeletion.RewritesOf(entity.Table), since, cancellationToken);

        var columns = _placingColumns.TryGetValue(entity.Table, out var placing)
            ? placing
            : throw new InvalidOperationException($"No footprint of this pass reads {entity.Name}.");
        var indexes = columns.Select(entity.IndexOf).ToArray();
        var rows = new List<object?[]>();
        // In any order: ordered by key, SQLite (no statistics) walks the whole table in key order instead of the changed_at
        // index — 11 M test results for a batch of 100 k at the benchmark's scale.
        await foreach (var batch in _store.ReadColumnsAsync(entity, columns, StoreQuery.All.ChangedSince(since).InAnyOrder(), cancellationToken))
        {
            if (rows.Count + batch.Count > MaxRows)
            {
                return null;
            }

            for (var row = 0; row < batch.Count; row++)
            {
                var values = new object?[entity.Columns.Count];
                for (var c = 0; c < columns.Length; c++)
                {
                    values[indexes[c]] = batch.Value(c, row);
                }

                rows.Add(values);
            }
        }

        return new ChangedRows(deletions, rewrites, rows);
    }
}
