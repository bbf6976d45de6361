using Analytics.Domain.Ci;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// Collects, test by test, which run attempts failed and why, and the retries of flaky tests; then prices them with the
/// attempts' durations (docs/signals/tests.flaky_ci_time.md). Memory is proportional to failed attempts and retries.
/// </summary>
internal sealed class ImpactLedger
{
    /// <summary>The columns read from <c>workflow_runs</c>, in the order of the constants below.</summary>
    private static readonly string[] RunColumns =
        ["source", "repository", "run_id", "attempt", "conclusion", "queued_at", "started_at", "finished_at"];

    private const int SourceColumn = 0;
    private const int RepositoryColumn = 1;
    private const int RunIdColumn = 2;
    private const int AttemptColumn = 3;
    private const int ConclusionColumn = 4;
    private const int QueuedAtColumn = 5;
    private const int StartedAtColumn = 6;
    private const int FinishedAtColumn = 7;

    private readonly Dictionary<(string Repository, string Run, int Attempt), AttemptFailures> _attempts = [];
    private readonly List<(string Repository, string Run, int Attempt, string TestId, DateTimeOffset At, TimeSpan Duration, int Window)> _retries = [];

    // Emptied for each test but kept: a test's executions in a year fill tens of thousands of entries, and growing a new
    // table for every test allocated more than the whole scan.
    private readonly Dictionary<(int Run, int Attempt, int Job), TestExecution> _last = [];

    /// <summary>
    /// Records a test's executions in [<paramref name="from"/>, <paramref name="to"/>): the attempts in which its last
    /// execution in a job failed, with the windows in which it is to blame (<paramref name="blame"/>), and its retries in
    /// the windows where it is to blame.
    /// </summary>
    public void Record(TestHistory history, WindowBlame blame, DateTimeOffset from, DateTimeOffset to)
    {
        var last = _last;
        last.Clear();
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

            // A retry is judged by the verdict of the window it started in.
            if (e.Execution > 0 && !blame.Never && blame.WindowOf(e.StartedAt) is var window && blame.In(window))
            {
                _retries.Add((history.Repository, history.RunKey(e.Run), e.Attempt, history.TestId, e.StartedAt, e.Duration, window));
            }
        }

        foreach (var e in last.Values.Where(e => e.IsFailure))
        {
            var key = (history.Repository, history.RunKey(e.Run), e.Attempt);
            if (!_attempts.TryGetValue(key, out var failures))
            {
                var (source, runId) = history.RunOf(e.Run);
                failures = new AttemptFailures(source, runId, e.StartedAt);
                _attempts[key] = failures;
            }

            failures.FirstAt = e.StartedAt < failures.FirstAt ? e.StartedAt : failures.FirstAt;
            if (blame.Never)
            {
                failures.Other = true; // never to blame: the attempt would have failed anyway, in any window
            }
            else if (!failures.Failing.Exists(f => f.TestId == history.TestId))
            {
                failures.Failing.Add((history.TestId, blame));
            }
        }
    }

    /// <summary>
    /// The events: attempts that failed only because of tests to blame in the window of the attempt's queue time and whose
    /// run failed (priced with the run's duration; counted at zero when the store has no such run), and retries of tests
    /// to blame in the retry's window, unless that window's verdicts make the retry's attempt a lost attempt.
    /// </summary>
    public async Task<IReadOnlyList<ImpactEvent>> ResolveAsync(IStore store, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Attempts whose failing tests are each to blame in some window: only they can be lost in a window.
        var candidates = _attempts.Where(a => !a.Value.Other && a.Value.Failing.Count > 0).ToDictionary(a => a.Key, a => a.Value);
        var runs = new Dictionary<(string Repository, string Run, int Attempt), (RunConclusion? Conclusion, DateTimeOffset QueuedAt, TimeSpan? Duration)>();

        // Only the candidates' runs, read by the primary key's prefix (source, repository, run id) a chunk of run ids at a
        // time: reading every run of their repositories in the period read twenty runs for each one kept (bench/README.md,
        // session 15). A run is queued before its tests start: a day's margin covers any queue. The queue time is checked
        // here, not asked of the store: given a range on it, SQLite walks the repository's runs by queue time instead.
        var (since, before) = (from.AddDays(-1).UtcTicks, to.UtcTicks);
        var wanted = candidates
            .Select(c => (c.Value.Source, c.Key.Repository, c.Value.RunId))
            .Distinct()
            .GroupBy(r => (r.Source, r.Repository));
        foreach (var group in wanted)
        {
            foreach (var chunk in group.Select(r => r.RunId).Order(StringComparer.Ordinal).Chunk(RunChunk))
            {
                var query = StoreQuery.All
                    .Where("source", group.Key.Source)
                    .Where("repository", group.Key.Repository)
                    .WhereIn("run_id", chunk)
                    .InAnyOrder();
                await ReadRunsAsync(store, query, since, before, candidates, runs, cancellationToken);
            }
        }

        var events = new List<ImpactEvent>();
        var failed = new Dictionary<(string, string, int), AttemptFailures>();
        foreach (var (key, failures) in candidates.OrderBy(c => c.Value.FirstAt))
        {
            (RunConclusion? Conclusion, DateTimeOffset QueuedAt, TimeSpan? Duration)? run = runs.TryGetValue(key, out var found) ? found : null;
            if (run is not null && run.Value.Conclusion != RunConclusion.Failure)
            {
                continue; // the run did not fail (a tolerated failure, a cancellation): nothing was re-run for it
            }

            // The attempt is judged by the verdicts of the window of its queue time, where it is counted.
            failed.Add(key, failures);
            var at = run?.QueuedAt ?? failures.FirstAt;
            if (failures.LostIn(failures.Failing[0].Blame.WindowOf(at)))
            {
                var tests = failures.Failing.Select(f => f.TestId).Order(StringComparer.Ordinal).ToList();
                events.Add(new ImpactEvent(key.Repository, key.Run, key.Attempt, at, run?.Duration ?? TimeSpan.Zero, tests, true));
            }
        }

        // A retry inside an attempt that its own window's verdicts make lost is already in that attempt's time. With one
        // window (a one-instant analysis) that is exactly the lost attempts counted above; across windows, an attempt
        // queued in one window with a retry in the next is judged by each window's own verdicts (the doc's edge cases).
        foreach (var retry in _retries)
        {
            if (!failed.TryGetValue((retry.Repository, retry.Run, retry.Attempt), out var attempt) || !attempt.LostIn(retry.Window))
            {
                events.Add(new ImpactEvent(retry.Repository, retry.Run, retry.Attempt, retry.At, retry.Duration, [retry.TestId], false));
            }
        }

        return events;
    }

    /// <summary>Run ids per read: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int RunChunk = 500;

    /// <summary>
    /// Reads the runs of <paramref name="query"/> (columns only, in any order) into <paramref name="into"/>: those of
    /// <paramref name="candidates"/> queued in [<paramref name="since"/>, <paramref name="before"/>) (UTC ticks) only;
    /// each distinct run's key is made once, by the read's codes.
    /// </summary>
    private static async Task ReadRunsAsync(
        IStore store,
        StoreQuery query,
        long since,
        long before,
        Dictionary<(string Repository, string Run, int Attempt), AttemptFailures> candidates,
        Dictionary<(string Repository, string Run, int Attempt), (RunConclusion? Conclusion, DateTimeOffset QueuedAt, TimeSpan? Duration)> into,
        CancellationToken cancellationToken)
    {
        var runKeys = new Dictionary<(int Repository, int Source, int RunId), (string Repository, string Run)>();
        await foreach (var batch in store.ReadColumnsAsync(Entities.WorkflowRuns, RunColumns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(SourceColumn);
            var repositories = batch.Codes(RepositoryColumn);
            var runIds = batch.Codes(RunIdColumn);
            var attempts = batch.Codes(AttemptColumn);
            var conclusions = batch.Codes(ConclusionColumn);
            var queuedAt = batch.Ticks(QueuedAtColumn);
            var startedAt = batch.Ticks(StartedAtColumn);
            var finishedAt = batch.Ticks(FinishedAtColumn);
            for (var row = 0; row < batch.Count; row++)
            {
                var codes = (repositories[row], sources[row], runIds[row]);
                if (!runKeys.TryGetValue(codes, out var run))
                {
                    runKeys[codes] = run = (strings[codes.Item1], TestHistory.RunKeyOf(strings[codes.Item2], strings[codes.Item3]));
                }

                var key = (run.Repository, run.Run, attempts[row]);
                if (queuedAt[row] >= since && queuedAt[row] < before && candidates.ContainsKey(key))
                {
                    // The duration as WorkflowRun.Duration gives it: null unless both ends are known.
                    var duration = batch.IsNull(StartedAtColumn, row) || batch.IsNull(FinishedAtColumn, row)
                        ? (TimeSpan?)null
                        : TimeSpan.FromTicks(finishedAt[row] - startedAt[row]);
                    into[key] = (
                        conclusions[row] == StringTable.Null ? null : (RunConclusion)conclusions[row],
                        new DateTimeOffset(queuedAt[row], TimeSpan.Zero),
                        duration);
                }
            }
        }
    }

    /// <summary>The tests whose last execution in a job of one attempt failed.</summary>
    private sealed class AttemptFailures(string source, string runId, DateTimeOffset firstAt)
    {
        /// <summary>The source of the attempt's run.</summary>
        public string Source { get; } = source;

        /// <summary>The run's id in its source.</summary>
        public string RunId { get; } = runId;

        public DateTimeOffset FirstAt { get; set; } = firstAt;

        /// <summary>The failing tests to blame in some window, with the windows in which they are (one repository: one team's windows).</summary>
        public List<(string TestId, WindowBlame Blame)> Failing { get; } = [];

        /// <summary>A failing test is to blame in no window: the attempt is never lost.</summary>
        public bool Other { get; set; }

        /// <summary>Whether the attempt failed only because of tests to blame in <paramref name="window"/>.</summary>
        public bool LostIn(int window) => !Other && Failing.Count > 0 && Failing.TrueForAll(f => f.Blame.In(window));
    }
}
