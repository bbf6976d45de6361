using Analytics.Domain.Testing;
using Analytics.Signals.Ci;
using Analytics.Storage;
using Analytics.Storage.Columns;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The results one read of the scan gives (a chunk of one repository's tests, <see cref="TestResultScanner"/>), in the
/// store's order, then handed out test by test in the order the analysis needs: by test id (ordinal), each test's results
/// by time, then by key (source, run id, attempt, job, execution). The store is not asked for that order: PostgreSQL
/// before version 17 does not know that an index scan over a list of tests comes ordered, and sorted every chunk, which
/// cost it three times the read itself (bench/README.md, session 13). Here each test's results (a few hundred) are
/// checked, and sorted only when they did not come in order; SQLite gives them in order. Reused from chunk to chunk.
/// </summary>
internal sealed class TestResultChunk
{
    private const int CodeColumns = 9; // test id to outcome, each a code or an integer

    private readonly int[][] _codes = new int[CodeColumns][];
    private long[] _durations = [];
    private long[] _startedAt = [];
    private int[] _order = [];
    private int[] _rank = [];
    private int _count;
    private StringTable? _strings;

    /// <summary>An empty chunk.</summary>
    public TestResultChunk()
    {
        for (var c = 0; c < CodeColumns; c++)
        {
            _codes[c] = [];
        }
    }

    /// <summary>Empties the chunk for the next read, keeping its capacity.</summary>
    public void Clear()
    {
        _count = 0;
        _strings = null;
    }

    /// <summary>Copies a batch of the read (its vectors are refilled by the next).</summary>
    public void Append(ColumnBatch batch)
    {
        _strings = batch.Strings;
        var count = _count + batch.Count;
        if (count > _startedAt.Length)
        {
            var capacity = Math.Max(count, _startedAt.Length * 2);
            for (var c = 0; c < CodeColumns; c++)
            {
                Array.Resize(ref _codes[c], capacity);
            }

            Array.Resize(ref _durations, capacity);
            Array.Resize(ref _startedAt, capacity);
            Array.Resize(ref _order, capacity);
            Array.Resize(ref _rank, capacity);
        }

        for (var c = 0; c < CodeColumns; c++)
        {
            batch.Codes(c).CopyTo(_codes[c].AsSpan(_count));
        }

        batch.Ticks(TestHistoryColumn.Duration).CopyTo(_durations.AsSpan(_count));
        batch.Ticks(TestHistoryColumn.StartedAt).CopyTo(_startedAt.AsSpan(_count));
        _count = count;
    }

    /// <summary>
    /// Hands each test of the chunk to <paramref name="onTest"/> (its id, and its history filled with its results in
    /// order), by test id in ordinal order.
    /// </summary>
    public void ForEachTest(string repository, TestHistory history, Action<string, TestHistory> onTest)
    {
        if (_strings is not { } strings || _count == 0)
        {
            return;
        }

        var tests = _codes[TestHistoryColumn.TestId].AsSpan(0, _count);
        var rankOf = InstantOrder.OrdinalRanks(Distinct(tests), code => strings[code]);
        var testsByRank = new int[rankOf.Count];
        foreach (var (test, rank) in rankOf)
        {
            testsByRank[rank] = test;
        }

        // A counting sort by test: each test's results keep the store's order among them. A test's results mostly come
        // together, so the last test's rank is remembered before the table is asked.
        var starts = new int[testsByRank.Length + 1];
        var (lastTest, lastRank) = (StringTable.Null, -1);
        for (var i = 0; i < tests.Length; i++)
        {
            if (tests[i] != lastTest)
            {
                (lastTest, lastRank) = (tests[i], rankOf[tests[i]]);
            }

            _rank[i] = lastRank;
            starts[lastRank + 1]++;
        }

        for (var r = 0; r < testsByRank.Length; r++)
        {
            starts[r + 1] += starts[r];
        }

        var next = starts[..^1];
        for (var i = 0; i < tests.Length; i++)
        {
            _order[next[_rank[i]]++] = i;
        }

        // The branches' names in ordinal order, ranked once for the chunk: the tests of a repository mostly ran on the same
        // branches (a year's pull requests: some 1,600 per test), and sorting them by name for each test took a twentieth of
        // the analysis's CPU (bench/README.md, session 15).
        var branchRanks = InstantOrder.OrdinalRanks(
            Distinct(_codes[TestHistoryColumn.Branch].AsSpan(0, _count)).Append(StringTable.Null),
            code => code == StringTable.Null ? TestHistory.NoBranch : strings[code]);
        Comparison<int> byTimeThenKey = CompareByTimeThenKey;
        for (var r = 0; r < testsByRank.Length; r++)
        {
            var rows = _order.AsSpan(starts[r], starts[r + 1] - starts[r]);
            if (!InOrder(rows))
            {
                rows.Sort(byTimeThenKey);
            }

            var testId = strings[testsByRank[r]];
            history.Restart(repository, testId, strings, branchRanks);
            foreach (var row in rows)
            {
                history.Add(
                    _codes[TestHistoryColumn.Source][row],
                    _codes[TestHistoryColumn.RunId][row],
                    _codes[TestHistoryColumn.Attempt][row],
                    _codes[TestHistoryColumn.Job][row],
                    _codes[TestHistoryColumn.Execution][row],
                    _codes[TestHistoryColumn.CommitSha][row],
                    _codes[TestHistoryColumn.Branch][row],
                    (TestOutcome)_codes[TestHistoryColumn.Outcome][row],
                    TimeSpan.FromTicks(_durations[row]),
                    new DateTimeOffset(_startedAt[row], TimeSpan.Zero));
            }

            onTest(testId, history);
        }
    }

    /// <summary>The distinct codes of <paramref name="codes"/>, skipping the repeats of the code before (a test's results mostly come together).</summary>
    private static HashSet<int> Distinct(ReadOnlySpan<int> codes)
    {
        var distinct = new HashSet<int>();
        var last = StringTable.Null;
        foreach (var code in codes)
        {
            if (code != last)
            {
                distinct.Add(code);
                last = code;
            }
        }

        return distinct;
    }

    private bool InOrder(ReadOnlySpan<int> rows)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (CompareByTimeThenKey(rows[i - 1], rows[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>By time started, then by the rest of the key (source, run id, attempt, job, execution; texts ordinal).</summary>
    private int CompareByTimeThenKey(int a, int b)
    {
        var order = _startedAt[a].CompareTo(_startedAt[b]);
        if (order != 0)
        {
            return order;
        }

        var strings = _strings!;
        order = CompareText(strings, _codes[TestHistoryColumn.Source], a, b);
        order = order != 0 ? order : CompareText(strings, _codes[TestHistoryColumn.RunId], a, b);
        order = order != 0 ? order : _codes[TestHistoryColumn.Attempt][a].CompareTo(_codes[TestHistoryColumn.Attempt][b]);
        order = order != 0 ? order : CompareText(strings, _codes[TestHistoryColumn.Job], a, b);
        return order != 0 ? order : _codes[TestHistoryColumn.Execution][a].CompareTo(_codes[TestHistoryColumn.Execution][b]);
    }

    private static int CompareText(StringTable strings, int[] codes, int a, int b) =>
        codes[a] == codes[b] ? 0 : string.CompareOrdinal(strings[codes[a]], strings[codes[b]]);
}
