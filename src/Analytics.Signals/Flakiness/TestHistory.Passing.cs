namespace Analytics.Signals.Flakiness;

/// <summary>
/// The verdict over a window without a failure, from running counts over the executions instead of the full tally
/// (docs/signals/tests.flaky.md, "Windows without a failure" under the scan).
/// </summary>
internal sealed partial class TestHistory
{
    // Built once per test, on its first window, and reused for every window: most windows of most tests hold no failure.
    private readonly List<int> _failuresBefore = [];
    private readonly List<int> _countedBefore = [];
    private readonly List<int> _previousOfRunAttempt = [];
    private readonly List<int> _previousOfCommit = [];
    private readonly Dictionary<(int Run, int Attempt), int> _lastOfRunAttempt = [];
    private readonly List<int> _lastOfCommit = [];
    private bool _indexed;

    /// <summary>
    /// The verdict over [<paramref name="first"/>, <paramref name="end"/>) (execution indexes) when no execution there failed,
    /// or null when one did. Without a failure there is no pass-and-fail evidence and no failed-only commit, so the tally
    /// reduces to three counts: executions, distinct run attempts (each run attempt's first execution in the window adds
    /// its start) and distinct commits; and the verdict to "not enough runs" or "healthy" (broken needs at least one
    /// failed-only commit, <see cref="FlakinessOptions.BrokenCommits"/> being at least 1). The same numbers as the tally.
    /// </summary>
    private WindowVerdict? JudgeWithoutFailures(int first, int end, FlakinessOptions options)
    {
        if (!_indexed)
        {
            Index();
        }

        if (_failuresBefore[end] != _failuresBefore[first])
        {
            return null;
        }

        // An execution is the first of its run attempt (or commit) in the window when the previous one is before it.
        int runAttempts = 0, commits = 0;
        for (var i = first; i < end; i++)
        {
            runAttempts += _previousOfRunAttempt[i] < first ? 1 : 0;
            commits += _previousOfCommit[i] < first ? 1 : 0;
        }

        var state = runAttempts < options.MinimumRuns ? TestState.NotEnoughRuns : TestState.Healthy;
        var score = ProportionInterval.Wilson(0, commits, options.ConfidenceZ);
        return new WindowVerdict(state, _countedBefore[end] - _countedBefore[first], commits, 0, score.Estimate);
    }

    /// <summary>
    /// Fills the running counts: failures and counted executions before each index, and for each counted execution the
    /// index of the previous counted one of its run attempt and of its commit (-1 for none; skipped executions get
    /// <see cref="int.MaxValue"/>, so that they are never a first).
    /// </summary>
    private void Index()
    {
        _failuresBefore.Clear();
        _countedBefore.Clear();
        _previousOfRunAttempt.Clear();
        _previousOfCommit.Clear();
        _lastOfRunAttempt.Clear();
        _lastOfCommit.Clear();
        _lastOfCommit.AddRange(Enumerable.Repeat(-1, _commits.Count));
        int failures = 0, counted = 0;
        for (var i = 0; i < _executions.Count; i++)
        {
            var e = _executions[i];
            _failuresBefore.Add(failures);
            _countedBefore.Add(counted);
            if (!e.Counts)
            {
                _previousOfRunAttempt.Add(int.MaxValue);
                _previousOfCommit.Add(int.MaxValue);
                continue;
            }

            failures += e.IsFailure ? 1 : 0;
            counted++;
            _previousOfRunAttempt.Add(_lastOfRunAttempt.TryGetValue((e.Run, e.Attempt), out var previous) ? previous : -1);
            _lastOfRunAttempt[(e.Run, e.Attempt)] = i;
            _previousOfCommit.Add(_lastOfCommit[e.Commit]);
            _lastOfCommit[e.Commit] = i;
        }

        _failuresBefore.Add(failures);
        _countedBefore.Add(counted);
        _indexed = true;
    }
}
