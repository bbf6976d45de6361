using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Streams test results once, one test at a time, and hands each test's sealed history to a callback. The store reads
/// them <c>ORDER BY repository, test_id, started_at</c> (then by key), which the index of migration 0009 serves without a
/// sort, and only from the repositories asked for; so only the current test's executions are held: memory is
/// proportional to one test's executions in the period, not to all results.
/// </summary>
internal static class TestResultScanner
{
    private static readonly int SourceColumn = Entities.TestResults.IndexOf("source");
    private static readonly int RepositoryColumn = Entities.TestResults.IndexOf("repository");
    private static readonly int RunIdColumn = Entities.TestResults.IndexOf("run_id");
    private static readonly int AttemptColumn = Entities.TestResults.IndexOf("attempt");
    private static readonly int JobColumn = Entities.TestResults.IndexOf("job");
    private static readonly int TestIdColumn = Entities.TestResults.IndexOf("test_id");
    private static readonly int ExecutionColumn = Entities.TestResults.IndexOf("execution");
    private static readonly int CommitColumn = Entities.TestResults.IndexOf("commit_sha");
    private static readonly int BranchColumn = Entities.TestResults.IndexOf("branch");
    private static readonly int OutcomeColumn = Entities.TestResults.IndexOf("outcome");
    private static readonly int DurationColumn = Entities.TestResults.IndexOf("duration_seconds");
    private static readonly int StartedAtColumn = Entities.TestResults.IndexOf("started_at");

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
        var query = StoreQuery.All;
        if (repositories is not null)
        {
            query = query.WhereIn("repository", repositories);
        }

        query = query.Since("started_at", from).Before("started_at", to).OrderedBy("repository", "test_id", "started_at");
        var done = new HashSet<(string Repository, string TestId)>();
        TestHistory? current = null;
        var skipping = false;
        string? repository = null, testId = null;
        await foreach (var row in store.ReadValuesAsync(Entities.TestResults, query, cancellationToken))
        {
            var rowRepository = (string)row[RepositoryColumn]!;
            var rowTestId = (string)row[TestIdColumn]!;
            if (!string.Equals(rowTestId, testId, StringComparison.Ordinal) || !string.Equals(rowRepository, repository, StringComparison.Ordinal))
            {
                Flush(current, onTest);
                current = null;

                // Equal strings sort together under any deterministic collation; a test seen again means they did not.
                if (!done.Add((rowRepository, rowTestId)))
                {
                    throw new InvalidOperationException(
                        $"the store returned test '{rowTestId}' of '{rowRepository}' in two groups; results must be ordered by repository and test_id");
                }

                // Keep the strings of the group's first row: the history holds these, not one copy per result.
                repository = rowRepository;
                testId = rowTestId;
                skipping = !include(repository);
            }

            if (skipping)
            {
                continue;
            }

            current ??= new TestHistory(repository!, testId!);
            current.Add(
                (string)row[SourceColumn]!,
                (string)row[RunIdColumn]!,
                (int)row[AttemptColumn]!,
                (string)row[JobColumn]!,
                (int)row[ExecutionColumn]!,
                (string)row[CommitColumn]!,
                (string?)row[BranchColumn],
                (TestOutcome)row[OutcomeColumn]!,
                (TimeSpan)row[DurationColumn]!,
                (DateTimeOffset)row[StartedAtColumn]!);
        }

        Flush(current, onTest);
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
