using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Flaky-test detection: every test's verdict (flaky, broken, healthy) at an instant, with its evidence, score and
/// interval, and what flaky failures cost. Definitions and sources: <c>docs/signals/tests.flaky.md</c>.
/// </summary>
public static class FlakyTests
{
    /// <summary>
    /// Analyses the tests whose results started in [<c>AsOf − Window</c>, <c>AsOf</c>). Results are streamed once; memory
    /// is proportional to one test's results plus the failed attempts, not to all results.
    /// </summary>
    /// <param name="request">What to analyse.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The verdicts, by repository and test id, and the impact per repository.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="Storage.StoreException">The store cannot be read.</exception>
    public static async Task<FlakyTestReport> AnalyseAsync(FlakyTestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        options.Validate();
        var to = request.AsOf;
        var from = to - options.Window;
        var wanted = new HashSet<string>(request.Repositories, StringComparer.OrdinalIgnoreCase);
        var ledger = new ImpactLedger();
        var tests = new List<TestHealth>();
        await TestResultScanner.ScanAsync(
            request.Store,
            from,
            to,
            wanted.Count == 0 ? null : await OwnedRepositories.SpellingsAsync(request.Store, request.Repositories, cancellationToken),
            repository => wanted.Count == 0 || wanted.Contains(repository),
            history =>
            {
                var health = history.Evaluate(from, to, options);
                if (health.Executions > 0)
                {
                    ledger.Record(history, WindowBlame.Whole(IsToBlame(health.State, health.Evidence.Total, options)), from, to);
                    tests.Add(health);
                }
            },
            cancellationToken);

        var events = await ledger.ResolveAsync(request.Store, from, to, cancellationToken);
        var byTest = events.SelectMany(e => e.Tests.Select(t => (e.Repository, Test: t, Event: e))).ToLookup(x => (x.Repository, x.Test), x => x.Event);
        var byRepository = events.ToLookup(e => e.Repository);
        var ordered = tests
            .Select(t => t with { Impact = ImpactEvent.ForTest(byTest[(t.Repository, t.TestId)], t.TestId) })
            .OrderBy(t => t.Repository, StringComparer.Ordinal)
            .ThenBy(t => t.TestId, StringComparer.Ordinal)
            .ToList();
        var repositories = ordered
            .GroupBy(t => t.Repository, StringComparer.Ordinal)
            .Select(g => new RepositoryImpact(g.Key, g.Count(t => t.State == TestState.Flaky), ImpactEvent.Sum(byRepository[g.Key])))
            .ToList();
        return new FlakyTestReport(from, to, options, ValueList.From(ordered), ValueList.From(repositories));
    }

    /// <summary>
    /// Whether a test's failures are blamed on flakiness for impact, by one verdict: it has a verdict, enough pass-and-fail
    /// evidence in the verdict's window, and is not broken. A test that recovered within that window is still to blame for
    /// its earlier failures. A one-instant analysis applies it to its one window; the windowed signals to each window's
    /// verdict, for that window's failures only (<see cref="WindowBlame"/>).
    /// </summary>
    internal static bool IsToBlame(TestState state, int evidence, FlakinessOptions options) =>
        state is TestState.Flaky or TestState.Healthy && evidence >= options.MinimumFlakyCommits;
}
