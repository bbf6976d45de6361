using Analytics.Domain.Ci;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Collects, test by test, which run attempts failed and why, and the retries of flaky tests; then prices them with the
/// attempts' durations (docs/signals/tests.flaky_ci_time.md). Memory is proportional to failed attempts and retries.
/// </summary>
internal sealed class ImpactLedger
{
    private readonly Dictionary<(string Repository, string Run, int Attempt), AttemptFailures> _attempts = [];
    private readonly List<(string Repository, string Run, int Attempt, string TestId, DateTimeOffset At, TimeSpan Duration)> _retries = [];

    /// <summary>
    /// Records a test's executions in [<paramref name="from"/>, <paramref name="to"/>): the attempts in which its last
    /// execution in a job failed, blamed on it when <paramref name="flaky"/>, and its retries when flaky.
    /// </summary>
    public void Record(TestHistory history, bool flaky, DateTimeOffset from, DateTimeOffset to)
    {
        var last = new Dictionary<(int Run, int Attempt, int Job), TestExecution>();
        foreach (var e in history.Executions)
        {
            if (e.StartedAt < from || e.StartedAt >= to || !e.Counts)
            {
                continue;
            }

            if (!last.TryGetValue((e.Run, e.Attempt, e.Job), out var previous) || e.Execution > previous.Execution)
            {
                last[(e.Run, e.Attempt, e.Job)] = e;
            }

            if (flaky && e.Execution > 0)
            {
                _retries.Add((history.Repository, history.RunKey(e.Run), e.Attempt, history.TestId, e.StartedAt, e.Duration));
            }
        }

        foreach (var e in last.Values.Where(e => e.IsFailure))
        {
            var key = (history.Repository, history.RunKey(e.Run), e.Attempt);
            if (!_attempts.TryGetValue(key, out var failures))
            {
                failures = new AttemptFailures(e.StartedAt);
                _attempts[key] = failures;
            }

            failures.FirstAt = e.StartedAt < failures.FirstAt ? e.StartedAt : failures.FirstAt;
            if (!flaky)
            {
                failures.Other = true;
            }
            else if (!failures.Flaky.Contains(history.TestId))
            {
                failures.Flaky.Add(history.TestId);
            }
        }
    }

    /// <summary>
    /// The events: attempts that failed only because of flaky tests and whose run failed (priced with the run's duration;
    /// counted at zero when the store has no such run), and retries outside them.
    /// </summary>
    public async Task<IReadOnlyList<ImpactEvent>> ResolveAsync(IStore store, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var candidates = _attempts.Where(a => !a.Value.Other && a.Value.Flaky.Count > 0).ToDictionary(a => a.Key, a => a.Value);
        var runs = new Dictionary<(string Repository, string Run, int Attempt), WorkflowRun>();
        if (candidates.Count > 0)
        {
            // A run is queued before its tests start: a day's margin covers any queue.
            // Only the repositories with candidates: the key below compares names exactly, so no other run can match.
            var query = StoreQuery.All
                .WhereIn("repository", candidates.Keys.Select(k => k.Repository).Distinct(StringComparer.Ordinal))
                .Since("queued_at", from.AddDays(-1))
                .Before("queued_at", to);
            await foreach (var run in store.ReadAsync(Entities.WorkflowRuns, query, cancellationToken))
            {
                var key = (run.Repository, TestHistory.RunKeyOf(run.Source, run.RunId), run.Attempt);
                if (candidates.ContainsKey(key))
                {
                    runs[key] = run;
                }
            }
        }

        var events = new List<ImpactEvent>();
        var counted = new HashSet<(string, string, int)>();
        foreach (var (key, failures) in candidates.OrderBy(c => c.Value.FirstAt))
        {
            var run = runs.GetValueOrDefault(key);
            if (run is not null && run.Conclusion != RunConclusion.Failure)
            {
                continue; // the run did not fail (a tolerated failure, a cancellation): nothing was re-run for it
            }

            counted.Add(key);
            var tests = failures.Flaky.Order(StringComparer.Ordinal).ToList();
            events.Add(new ImpactEvent(key.Repository, key.Run, key.Attempt, run?.QueuedAt ?? failures.FirstAt, run?.Duration ?? TimeSpan.Zero, tests, true));
        }

        foreach (var retry in _retries.Where(r => !counted.Contains((r.Repository, r.Run, r.Attempt))))
        {
            events.Add(new ImpactEvent(retry.Repository, retry.Run, retry.Attempt, retry.At, retry.Duration, [retry.TestId], false));
        }

        return events;
    }

    /// <summary>The tests whose last execution in a job of one attempt failed.</summary>
    private sealed class AttemptFailures(DateTimeOffset firstAt)
    {
        public DateTimeOffset FirstAt { get; set; } = firstAt;

        public List<string> Flaky { get; } = [];

        public bool Other { get; set; }
    }
}
