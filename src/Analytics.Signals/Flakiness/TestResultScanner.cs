using System.Runtime.CompilerServices;
using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Streams test results once, one test at a time, and hands each test's sealed history to a callback. The store reads
/// them per repository and chunk of its tests, <c>ORDER BY repository, test_id, started_at</c> (then by key), which the
/// index of migration 0012 serves without a sort, seeking to each test's period, and only from the repositories asked for; so only the current test's executions are held: memory is
/// proportional to one test's executions in the period, not to all results. The history handed to the callback is
/// reused for the next test: a callback must not keep it.
/// </summary>
internal static class TestResultScanner
{
    /// <summary>The columns the analysis needs (never the failure message), in the order of the constants below.</summary>
    private static readonly string[] Columns =
        ["repository", "test_id", "source", "run_id", "attempt", "job", "execution", "commit_sha", "branch", "outcome", "duration_seconds", "started_at"];

    private const int RepositoryColumn = 0;
    private const int TestIdColumn = 1;
    private const int SourceColumn = 2;
    private const int RunIdColumn = 3;
    private const int AttemptColumn = 4;
    private const int JobColumn = 5;
    private const int ExecutionColumn = 6;
    private const int CommitColumn = 7;
    private const int BranchColumn = 8;
    private const int OutcomeColumn = 9;
    private const int DurationColumn = 10;
    private const int StartedAtColumn = 11;

    /// <summary>Scans results that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="from">The first instant (included).</param>
    /// <param name="to">The last instant (excluded).</param>
    /// <param name="repositories">
    /// The repositories to read, spelt as stored (<see cref="OwnedRepositories"/>); null reads every repository.
    /// </param>
    /// <param name="include">Which of the read repositories to keep.</param>
    /// <param name="onTest">Called once per test (repository and test id), by repository then test id, histories in time order.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <exception cref="InvalidOperationException">The store returned one test in two separate groups.</exception>
    public static async Task ScanAsync(
        IStore store,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<string>? repositories,
        Func<string, bool> include,
        Action<TestHistory> onTest,
        CancellationToken cancellationToken)
    {
        var done = new HashSet<(string Repository, string TestId)>();
        TestHistory? current = null, history = null; // one history, restarted for each test
        var skipping = false;
        await foreach (var query in QueriesAsync(store, from, to, repositories, cancellationToken))
        {
            // The codes of this read's strings; a read starts a new test (each test is read by one read).
            int repository = StringTable.Null, testId = StringTable.Null;
            await foreach (var batch in store.ReadColumnsAsync(Entities.TestResults, Columns, query, cancellationToken))
            {
                var strings = batch.Strings;
                var repositoryCodes = batch.Codes(RepositoryColumn);
                var testIds = batch.Codes(TestIdColumn);
                var sources = batch.Codes(SourceColumn);
                var runIds = batch.Codes(RunIdColumn);
                var attempts = batch.Codes(AttemptColumn);
                var jobs = batch.Codes(JobColumn);
                var executions = batch.Codes(ExecutionColumn);
                var commits = batch.Codes(CommitColumn);
                var branches = batch.Codes(BranchColumn);
                var outcomes = batch.Codes(OutcomeColumn);
                var durations = batch.Ticks(DurationColumn);
                var startedAt = batch.Ticks(StartedAtColumn);
                for (var row = 0; row < batch.Count; row++)
                {
                    if (testIds[row] != testId || repositoryCodes[row] != repository)
                    {
                        Flush(current, onTest);
                        current = null;
                        repository = repositoryCodes[row];
                        testId = testIds[row];

                        // Equal strings sort together under any deterministic collation; a test seen again means they did not.
                        if (!done.Add((strings[repository], strings[testId])))
                        {
                            throw new InvalidOperationException(
                                $"the store returned test '{strings[testId]}' of '{strings[repository]}' in two groups; results must be ordered by repository and test_id");
                        }

                        skipping = !include(strings[repository]);
                    }

                    if (skipping)
                    {
                        continue;
                    }

                    if (current is null)
                    {
                        current = history ??= new TestHistory(strings[repository], strings[testId], strings);
                        current.Restart(strings[repository], strings[testId], strings);
                    }

                    current.Add(
                        sources[row],
                        runIds[row],
                        attempts[row],
                        jobs[row],
                        executions[row],
                        commits[row],
                        branches[row],
                        (TestOutcome)outcomes[row],
                        TimeSpan.FromTicks(durations[row]),
                        new DateTimeOffset(startedAt[row], TimeSpan.Zero));
                }
            }
        }

        Flush(current, onTest);
    }

    /// <summary>Test ids per read: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int TestChunk = 500;

    /// <summary>
    /// The reads of a scan: per repository (in the store's order), its tests (found by a loose index scan,
    /// <see cref="IStore.ReadDistinctAsync"/>) in chunks, in the store's order. Naming the tests lets the index seek to each
    /// test's first result in the period: filtered by time alone, a read walked every result the repository ever had (the
    /// index is ordered by test, then time), so a week's analysis read as much as the year's.
    /// </summary>
    private static async IAsyncEnumerable<StoreQuery> QueriesAsync(
        IStore store, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? repositories,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = repositories is null ? null : new HashSet<string>(repositories, StringComparer.Ordinal);
        foreach (var repository in await store.ReadDistinctAsync(Entities.TestResults, "repository", null, null, cancellationToken))
        {
            if (wanted is not null && !wanted.Contains(repository))
            {
                continue;
            }

            var tests = await store.ReadDistinctAsync(Entities.TestResults, "test_id", "repository", repository, cancellationToken);
            foreach (var chunk in tests.Chunk(TestChunk))
            {
                yield return StoreQuery.All
                    .Where("repository", repository)
                    .WhereIn("test_id", chunk)
                    .Since("started_at", from)
                    .Before("started_at", to)
                    .OrderedBy("repository", "test_id", "started_at");
            }
        }
    }

    private static void Flush(TestHistory? current, Action<TestHistory> onTest)
    {
        if (current is not null)
        {
            current.Seal();
            onTest(current);
        }
    }
}
