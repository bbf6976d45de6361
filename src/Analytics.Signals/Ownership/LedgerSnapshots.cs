using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ownership;

/// <summary>
/// A repository's <see cref="AuthorshipLedger"/> from its stored history, advanced from the snapshot the last
/// computation left (<see cref="Entities.AuthorshipSnapshots"/>) by only the commits after its watermark, and the
/// snapshot moved on. Without decay the ledger's sums, maxima and existence flags do not depend on the order commits
/// arrive in, and first sights are ranked by hash (<see cref="AuthorshipLedger.RanksBySha"/>), so the advanced ledger
/// is the one the whole history gives. See <c>docs/signals/ownership.truck_factor.md</c>, "Advanced by new commits".
/// </summary>
internal static class LedgerSnapshots
{
    /// <summary>
    /// What the snapshot depends on besides the history: the model (exclusions, name merging and identities act in
    /// <see cref="AuthorshipLedger.Build"/>, not in the accumulation) and the state's format.
    /// </summary>
    public static readonly string Variant = $"avelino-2016/{AuthorshipLedger.StateFormat}";

    /// <summary>
    /// The snapshot is moved on once the commits after it reach this share of those in it: writing it costs about what
    /// reading it does (its whole state), while the commits after it cost a few rows each, so a small batch is applied
    /// and left for the next computation to apply again until enough accumulate.
    /// </summary>
    public const double RewriteShare = 0.05;

    // Both stores keep instants to the microsecond: "after t" is "at or after t + 1 µs".
    private static readonly TimeSpan Resolution = TimeSpan.FromTicks(10);

    /// <summary>
    /// The ledger of <paramref name="repository"/>'s commits committed before <paramref name="before"/>: from the
    /// snapshot and the commits after it when the snapshot fits, else from the whole history (then written as the new
    /// snapshot). The decayed variant, whose weights depend on the as-of instant, always reads the whole history.
    /// </summary>
    public static async Task<AuthorshipLedger> ReadAsync(
        IStore store,
        string repository,
        DateTimeOffset before,
        TruckFactorOptions options,
        CancellationToken cancellationToken)
    {
        if (options.DecayHalfLife is not null)
        {
            var decayed = new AuthorshipLedger(options, before);
            await StoredHistory.ReadIntoAsync(store, repository, before, decayed, cancellationToken);
            return decayed;
        }

        var seen = await FindAsync(store, repository, cancellationToken);
        if (seen is not null && seen.WatermarkAt < before)
        {
            var advanced = await AdvanceAsync(store, seen, before, options, cancellationToken);
            if (advanced is { } found)
            {
                if (found.Moved is { } moved)
                {
                    await SaveAsync(store, seen, moved, cancellationToken);
                }

                return found.Ledger;
            }
        }

        var ledger = new AuthorshipLedger(options, before) { RanksBySha = true };
        var rows = await StoredHistory.ReadIntoAsync(store, repository, before, ledger, cancellationToken);

        // A request as of an instant before the snapshot leaves it alone; a snapshot that did not fit is replaced.
        var replaces = seen is null || seen.WatermarkAt < before;
        if (replaces && ledger.LastCommit is { } last && rows.HighWater is { } highWater)
        {
            var snapshot = new AuthorshipSnapshot(repository, Variant, last.Sha, last.At, highWater, rows.CommitRows, rows.FileRows, ledger.ExportState());
            await SaveAsync(store, seen, snapshot, cancellationToken);
        }

        return ledger;
    }

    /// <summary>The stored snapshot of a repository for this variant, or null.</summary>
    internal static async Task<AuthorshipSnapshot?> FindAsync(IStore store, string repository, CancellationToken cancellationToken)
    {
        var query = StoreQuery.All.Where("repository", repository).Where("variant", Variant);
        await foreach (var snapshot in store.ReadAsync(Entities.AuthorshipSnapshots, query, cancellationToken))
        {
            return snapshot;
        }

        return null;
    }

    /// <summary>
    /// The snapshot's ledger advanced by the commits after its watermark (and the snapshot to write when it moved), or
    /// null when the history it was read from changed since: rows deleted or rewritten, or commits (or file changes of
    /// commits) at or before the watermark stored after it was written; or when its state cannot be read.
    /// </summary>
    private static async Task<(AuthorshipLedger Ledger, AuthorshipSnapshot? Moved)?> AdvanceAsync(
        IStore store,
        AuthorshipSnapshot snapshot,
        DateTimeOffset before,
        TruckFactorOptions options,
        CancellationToken cancellationToken)
    {
        var repository = StoreQuery.All.Where("repository", snapshot.Repository);
        var afterHighWater = snapshot.HighWater + Resolution;

        // Deleted or rewritten rows leave fewer rows changed up to the high-water mark; rows written late by a
        // transaction that began before it, more. The counts read the (repository, changed_at) indexes only.
        if (await store.CountAsync(Entities.Commits, repository.Before("changed_at", afterHighWater), cancellationToken) != snapshot.CommitRows
            || await store.CountAsync(Entities.FileChanges, repository.Before("changed_at", afterHighWater), cancellationToken) != snapshot.FileRows)
        {
            return null;
        }

        // Rows written since: commits at or before the watermark came late (or were rewritten); later ones are applied.
        var newCommits = 0;
        var highWater = snapshot.HighWater;
        await foreach (var batch in store.ReadColumnsAsync(Entities.Commits, ["committed_at", "changed_at"], repository.ChangedSince(afterHighWater), cancellationToken))
        {
            newCommits += batch.Count;
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Ticks(0)[row] <= snapshot.WatermarkAt.UtcTicks)
                {
                    return null;
                }

                highWater = Later(highWater, batch.Ticks(1)[row]);
            }
        }

        var newFiles = 0;
        var shasOfNewFiles = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in store.ReadColumnsAsync(Entities.FileChanges, ["sha", "changed_at"], repository.ChangedSince(afterHighWater), cancellationToken))
        {
            newFiles += batch.Count;
            for (var row = 0; row < batch.Count; row++)
            {
                shasOfNewFiles.Add(batch.Strings[batch.Codes(0)[row]]);
                highWater = Later(highWater, batch.Ticks(1)[row]);
            }
        }

        // File changes stored since, of a commit at or before the watermark: that commit's files were applied without them.
        foreach (var chunk in shasOfNewFiles.Order(StringComparer.Ordinal).Chunk(500))
        {
            await foreach (var batch in store.ReadColumnsAsync(Entities.Commits, ["committed_at"], repository.WhereIn("sha", chunk), cancellationToken))
            {
                foreach (var committedAt in batch.Ticks(0))
                {
                    if (committedAt <= snapshot.WatermarkAt.UtcTicks)
                    {
                        return null;
                    }
                }
            }
        }

        var ledger = AuthorshipLedger.ImportState(snapshot.State, options, before);
        if (ledger is null || !ledger.RanksBySha || ledger.LastCommit?.Sha != snapshot.WatermarkSha)
        {
            return null;
        }

        // The commits after the watermark, whenever they were stored (those before the request's end are applied).
        var shas = new List<string>();
        await foreach (var batch in store.ReadColumnsAsync(Entities.Commits, ["sha", "committed_at"], repository.Since("committed_at", snapshot.WatermarkAt + Resolution).InAnyOrder(), cancellationToken))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Ticks(1)[row] < before.UtcTicks)
                {
                    shas.Add(batch.Strings[batch.Codes(0)[row]]);
                }
            }
        }

        if (shas.Count == 0)
        {
            return (ledger, null);
        }

        shas.Sort(StringComparer.Ordinal);
        var commitsBefore = ledger.Commits;
        await StoredHistory.ReadIntoAsync(store, snapshot.Repository, before, ledger, cancellationToken, shas);
        if (ledger.Commits - commitsBefore < Math.Max(1, commitsBefore * RewriteShare) || ledger.LastCommit is not { } last)
        {
            // Only merges (no file changes), or too few commits to be worth writing the whole state again.
            return (ledger, null);
        }

        var moved = snapshot with
        {
            WatermarkSha = last.Sha,
            WatermarkAt = last.At,
            HighWater = highWater,
            CommitRows = snapshot.CommitRows + newCommits,
            FileRows = snapshot.FileRows + newFiles,
            State = ledger.ExportState(),
        };
        return (ledger, moved);
    }

    /// <summary>
    /// Writes <paramref name="snapshot"/> in one transaction under a lock named for the repository, unless another node
    /// wrote a newer one (a later high-water mark or watermark) since <paramref name="seen"/> was read.
    /// </summary>
    private static async Task SaveAsync(IStore store, AuthorshipSnapshot? seen, AuthorshipSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.LockAsync($"authorship-snapshot:{snapshot.Repository}", cancellationToken);
        var query = StoreQuery.All.Where("repository", snapshot.Repository).Where("variant", snapshot.Variant);
        await foreach (var current in writer.ReadAsync(Entities.AuthorshipSnapshots, query, cancellationToken))
        {
            if (current != seen && (current.HighWater > snapshot.HighWater || current.WatermarkAt > snapshot.WatermarkAt))
            {
                return;
            }
        }

        await writer.UpsertAsync(Entities.AuthorshipSnapshots, [snapshot], cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }

    private static DateTimeOffset Later(DateTimeOffset instant, long ticks) =>
        ticks > instant.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : instant;
}
