using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ownership;

/// <summary>
/// Feeds a repository's history from the store into an <see cref="AuthorshipLedger"/>: commits and file changes are
/// streamed side by side as columnar reads (<see cref="IStore.ReadColumnsAsync"/>: only the columns the ledger uses,
/// no record per row, each path and author mapped to the ledger's index once per read), both ordered by hash, and
/// joined as they go, so memory holds one batch of each however long the history is. The ledger sees the same calls,
/// in the same order, as <see cref="AuthorshipLedger.Add"/> makes for the commits in hash order with their files in
/// path order, so its floating-point sums (under decay) come out the same.
/// </summary>
internal static class StoredHistory
{
    private static readonly string[] CommitColumns = ["sha", "author_name", "author_email", "authored_at", "committed_at", "changed_at"];
    private const int CommitSha = 0;
    private const int CommitAuthorName = 1;
    private const int CommitAuthorEmail = 2;
    private const int CommitAuthoredAt = 3;
    private const int CommitCommittedAt = 4;
    private const int CommitChangedAt = 5;

    private static readonly string[] FileColumns = ["sha", "path", "old_path", "kind", "changed_at"];
    private const int FileSha = 0;
    private const int FilePath = 1;
    private const int FileOldPath = 2;
    private const int FileKind = 3;
    private const int FileChangedAt = 4;

    /// <summary>How many hashes one read asks for when only some commits are read.</summary>
    private const int ShasPerRead = 500;

    /// <summary>
    /// Adds to <paramref name="ledger"/> the commits of <paramref name="repository"/> committed before
    /// <paramref name="before"/> that changed files (merges, without file changes, are left out), with their files.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="repository">The repository.</param>
    /// <param name="before">Commits committed at or after it are left out.</param>
    /// <param name="ledger">The ledger to feed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="shas">
    /// Only these commits (sorted ordinally, each once), read a few hundred at a time: the commits after a snapshot.
    /// Null reads the whole history.
    /// </param>
    /// <returns>The rows read, and the latest <c>changed_at</c> among them.</returns>
    /// <remarks>File changes whose commit is not in the store (or is committed later) are skipped.</remarks>
    /// <exception cref="ArgumentException">A stored rename has no old path.</exception>
    public static async Task<HistoryRows> ReadIntoAsync(
        IStore store,
        string repository,
        DateTimeOffset before,
        AuthorshipLedger ledger,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? shas = null)
    {
        // Key order (repository, sha[, path]) on both reads: the join below needs it, and the ledger's sums follow it.
        var query = StoreQuery.All.Where("repository", repository);
        if (shas is null)
        {
            return await JoinAsync(store, query, before, new Feed(ledger, repository), cancellationToken);
        }

        var rows = new HistoryRows(0, 0, null);
        var feed = new Feed(ledger, repository);
        for (var i = 0; i < shas.Count; i += ShasPerRead)
        {
            var chunk = shas.Skip(i).Take(ShasPerRead).Cast<object>().ToList();
            rows = rows.Plus(await JoinAsync(store, query.WhereIn("sha", chunk), before, feed, cancellationToken));
        }

        return rows;
    }

    private static async Task<HistoryRows> JoinAsync(IStore store, StoreQuery query, DateTimeOffset before, Feed feed, CancellationToken cancellationToken)
    {
        await using var commits = new CommitCursor(
            store.ReadColumnsAsync(Entities.Commits, CommitColumns, query, cancellationToken).GetAsyncEnumerator(cancellationToken));
        var sha = StringTable.Null;
        var joined = false;
        var files = 0;
        var highWater = long.MinValue;
        await foreach (var batch in store.ReadColumnsAsync(Entities.FileChanges, FileColumns, query, cancellationToken))
        {
            files += batch.Count;
            highWater = Math.Max(highWater, Max(batch.Ticks(FileChangedAt)));
            for (var row = 0; row < batch.Count;)
            {
                // One commit's files are consecutive; they may go on in the next batch (codes are the whole read's).
                var end = EndOfCommit(batch.Codes(FileSha), row);
                if (batch.Codes(FileSha)[row] != sha)
                {
                    sha = batch.Codes(FileSha)[row];
                    joined = await commits.SeekAsync(batch.Strings[sha]) && commits.CommittedAt < before;
                    if (joined)
                    {
                        feed.Begin(commits);
                    }
                }

                if (joined)
                {
                    feed.Apply(batch, row, end);
                }

                row = end;
            }
        }

        // The commits after the last one with files, so that the rows and the high-water mark cover the whole read.
        await commits.DrainAsync();
        highWater = Math.Max(highWater, commits.HighWater);
        return new HistoryRows(commits.Rows, files, highWater == long.MinValue ? null : new DateTimeOffset(highWater, TimeSpan.Zero));
    }

    private static long Max(ReadOnlySpan<long> values)
    {
        var max = long.MinValue;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <summary>The first row after <paramref name="start"/> whose commit differs from its, or the batch's end.</summary>
    private static int EndOfCommit(ReadOnlySpan<int> shas, int start)
    {
        var end = start + 1;
        while (end < shas.Length && shas[end] == shas[start])
        {
            end++;
        }

        return end;
    }

    /// <summary>What the ledger is fed, with the codes of both reads mapped to its indexes once each.</summary>
    private sealed class Feed(AuthorshipLedger ledger, string repository)
    {
        // The file read's path codes (old paths share its string table) → the ledger's path index; -1 until first met.
        private readonly List<int> _pathIndexes = [];

        // The commit read's (author name, author e-mail) codes → the ledger's account index.
        private readonly Dictionary<(int Name, int Email), int> _accounts = [];
        private int _account;
        private double _weight;
        private DateTimeOffset _authoredAt;
        private DateTimeOffset _committedAt;
        private string _sha = "";

        /// <summary>Starts the cursor's current commit, as <see cref="AuthorshipLedger.Add"/> does before its loop.</summary>
        public void Begin(CommitCursor commit)
        {
            _sha = commit.Sha;
            _authoredAt = commit.AuthoredAt;
            _committedAt = commit.CommittedAt;
            ledger.CountCommit(_sha, _committedAt);
            var codes = commit.AuthorCodes;
            if (!_accounts.TryGetValue(codes, out _account))
            {
                // A repeated (name, e-mail) pair would only find the same account and see the same name again.
                var (name, email) = commit.Author;
                _account = ledger.AccountIndexOf(AuthoredCommit.AccountOf(name, email), name, _sha);
                _accounts.Add(codes, _account);
            }

            _weight = ledger.WeightOf(_authoredAt);
        }

        /// <summary>Applies rows [<paramref name="start"/>, <paramref name="end"/>) of a batch: files of the current commit.</summary>
        public void Apply(ColumnBatch batch, int start, int end)
        {
            var strings = batch.Strings;
            var paths = batch.Codes(FilePath);
            var oldPaths = batch.Codes(FileOldPath);
            var kinds = batch.Codes(FileKind);
            for (var row = start; row < end; row++)
            {
                var kind = (FileChangeKind)kinds[row];
                var path = PathIndex(strings, paths[row]);
                var oldPath = kind != FileChangeKind.Renamed ? -1
                    : oldPaths[row] != StringTable.Null && strings[oldPaths[row]].Length > 0 ? PathIndex(strings, oldPaths[row])
                    : throw new ArgumentException($"repository {repository}, commit {_sha}: rename of '{strings[paths[row]]}' has no old path");
                ledger.Apply(_account, _weight, _authoredAt, _committedAt, path, kind, oldPath);
            }
        }

        private int PathIndex(StringTable strings, int code)
        {
            while (_pathIndexes.Count <= code)
            {
                _pathIndexes.Add(-1);
            }

            if (_pathIndexes[code] < 0)
            {
                _pathIndexes[code] = ledger.IndexOfPath(strings[code]);
            }

            return _pathIndexes[code];
        }
    }

    /// <summary>The commit read, advanced by hash as the file changes ask for their commits.</summary>
    private sealed class CommitCursor(IAsyncEnumerator<ColumnBatch> batches) : IAsyncDisposable
    {
        private ColumnBatch? _batch;
        private int _row;
        private bool _done;

        /// <summary>The current commit's hash.</summary>
        public string Sha => Current.Strings[Current.Codes(CommitSha)[_row]];

        /// <summary>The current commit's author, as codes of the commit read (to map each pair to an account once).</summary>
        public (int Name, int Email) AuthorCodes => (Current.Codes(CommitAuthorName)[_row], Current.Codes(CommitAuthorEmail)[_row]);

        /// <summary>The current commit's author name and e-mail.</summary>
        public (string Name, string Email) Author => (Current.Strings[AuthorCodes.Name], Current.Strings[AuthorCodes.Email]);

        /// <summary>When the current commit was written.</summary>
        public DateTimeOffset AuthoredAt => new(Current.Ticks(CommitAuthoredAt)[_row], TimeSpan.Zero);

        /// <summary>When the current commit was committed.</summary>
        public DateTimeOffset CommittedAt => new(Current.Ticks(CommitCommittedAt)[_row], TimeSpan.Zero);

        private ColumnBatch Current => _batch ?? throw new InvalidOperationException("the commit cursor is on no commit");

        /// <summary>
        /// Skips the commits ordered before <paramref name="sha"/> (those without file changes) and tells whether the
        /// next one is it; the cursor then stays on it (or on the first commit after it).
        /// </summary>
        public async ValueTask<bool> SeekAsync(string sha)
        {
            while (true)
            {
                if (_batch is null || _row >= _batch.Count)
                {
                    if (_done || !await batches.MoveNextAsync())
                    {
                        _done = true;
                        return false;
                    }

                    _batch = batches.Current;
                    _row = 0;
                    Rows += _batch.Count;
                    foreach (var changedAt in _batch.Ticks(CommitChangedAt))
                    {
                        HighWater = Math.Max(HighWater, changedAt);
                    }

                    continue;
                }

                var order = string.CompareOrdinal(_batch.Strings[_batch.Codes(CommitSha)[_row]], sha);
                if (order >= 0)
                {
                    return order == 0;
                }

                _row++;
            }
        }

        /// <summary>How many commit rows were read so far.</summary>
        public int Rows { get; private set; }

        /// <summary>The latest <c>changed_at</c> (UTC ticks) of the rows read so far; <see cref="long.MinValue"/> before any.</summary>
        public long HighWater { get; private set; } = long.MinValue;

        /// <summary>Reads the rest of the commits, only to count them.</summary>
        public async ValueTask DrainAsync()
        {
            _row = int.MaxValue;
            while (!_done)
            {
                await SeekAsync("");
                _row = int.MaxValue;
            }
        }

        public ValueTask DisposeAsync() => batches.DisposeAsync();
    }
}
