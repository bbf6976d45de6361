using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Streams test results once, grouped by test, and hands each test's sealed history to a callback. The store orders by
/// test id (then by key), so only the current test id's executions are held: memory is proportional to one test's
/// executions in the period, not to all results.
/// </summary>
internal static class TestResultScanner
{
    /// <summary>Scans results that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="from">The first instant (included).</param>
    /// <param name="to">The last instant (excluded).</param>
    /// <param name="include">Which repositories to keep.</param>
    /// <param name="onTest">Called once per test (repository and test id), histories in time order.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <exception cref="InvalidOperationException">The store returned one test id in two separate groups.</exception>
    public static async Task ScanAsync(
        IStore store,
        DateTimeOffset from,
        DateTimeOffset to,
        Func<string, bool> include,
        Action<TestHistory> onTest,
        CancellationToken cancellationToken)
    {
        var query = StoreQuery.All.Since("started_at", from).Before("started_at", to).OrderedBy("test_id");
        var current = new Dictionary<string, TestHistory>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        string? testId = null;
        await foreach (var result in store.ReadAsync(Entities.TestResults, query, cancellationToken))
        {
            if (result.TestId != testId)
            {
                Flush(current, onTest);
                testId = result.TestId;

                // Equal strings sort together under any deterministic collation; a test id seen again means they did not.
                if (!done.Add(testId))
                {
                    throw new InvalidOperationException($"the store returned test '{testId}' in two groups; results must be ordered by test_id");
                }
            }

            if (!include(result.Repository))
            {
                continue;
            }

            if (!current.TryGetValue(result.Repository, out var history))
            {
                history = new TestHistory(result.Repository, result.TestId);
                current[result.Repository] = history;
            }

            history.Add(result);
        }

        Flush(current, onTest);
    }

    private static void Flush(Dictionary<string, TestHistory> current, Action<TestHistory> onTest)
    {
        foreach (var history in current.Values.OrderBy(h => h.Repository, StringComparer.Ordinal))
        {
            history.Seal();
            onTest(history);
        }

        current.Clear();
    }
}
