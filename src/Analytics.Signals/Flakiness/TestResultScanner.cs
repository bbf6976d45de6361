using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Streams test results once, one test at a time, and hands each test's sealed history to a callback. The store reads
/// them per repository and chunk of its tests, each test's period only (<see cref="IStore.ReadTestHistoriesAsync"/>), and
/// only from the repositories asked for; each chunk is put in order in memory (<see cref="TestResultChunk"/>), so memory is
/// proportional to one chunk's results in the period, not to all results. The history handed to the callback is reused
/// for the next test: a callback must not keep it.
/// </summary>
internal static class TestResultScanner
{
    /// <summary>Scans results that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="from">The first instant (included).</param>
    /// <param name="to">The last instant (excluded).</param>
    /// <param name="repositories">
    /// The repositories to read, spelt as stored (<see cref="OwnedRepositories"/>); null reads every repository.
    /// </param>
    /// <param name="include">Which of the stored repositories to read.</param>
    /// <param name="onTest">
    /// Called once per test (repository and test id), by repository in the store's order, then by test id (ordinal);
    /// histories in time order.
    /// </param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <exception cref="InvalidOperationException">The store gave one test's results in two chunks.</exception>
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
        var chunk = new TestResultChunk();
        TestHistory? history = null; // one history, restarted for each test
        await foreach (var (repository, tests) in ChunksAsync(store, repositories, include, cancellationToken))
        {
            chunk.Clear();
            await foreach (var batch in store.ReadTestHistoriesAsync(repository, tests, from, to, cancellationToken))
            {
                chunk.Append(batch);
            }

            chunk.ForEachTest(repository, history ??= new TestHistory(repository, string.Empty, []), (testId, test) =>
            {
                // Chunks name distinct tests; a test seen again means the store's distinct values were not.
                if (!done.Add((repository, testId)))
                {
                    throw new InvalidOperationException($"the store gave test '{testId}' of '{repository}' in two chunks");
                }

                test.Seal();
                onTest(test);
            });
        }
    }

    /// <summary>Test ids per read: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int TestChunk = 500;

    /// <summary>
    /// The reads of a scan: per repository (in the store's order), its tests (found by a loose index scan,
    /// <see cref="IStore.ReadDistinctAsync"/>) in chunks, in the store's order. Naming the tests lets the store go straight
    /// to each test's period (<see cref="IStore.ReadTestHistoriesAsync"/>): filtered by time alone, a read walked every
    /// result the repository ever had, so a week's analysis read as much as the year's. A read is in any order
    /// (<see cref="TestResultChunk"/> orders it).
    /// </summary>
    private static async IAsyncEnumerable<(string Repository, string[] Tests)> ChunksAsync(
        IStore store, IReadOnlyCollection<string>? repositories, Func<string, bool> include,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = repositories is null ? null : new HashSet<string>(repositories, StringComparer.Ordinal);
        foreach (var repository in await store.ReadDistinctAsync(Entities.TestResults, "repository", null, null, cancellationToken))
        {
            if ((wanted is not null && !wanted.Contains(repository)) || !include(repository))
            {
                continue;
            }

            var tests = await store.ReadDistinctAsync(Entities.TestResults, "test_id", "repository", repository, cancellationToken);
            foreach (var chunk in tests.Chunk(TestChunk))
            {
                yield return (repository, chunk);
            }
        }
    }
}
