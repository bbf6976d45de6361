using System.Runtime.InteropServices;
using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>The verdict over a window (signal-science.md §2.1; docs/signals/tests.flaky.md).</summary>
internal sealed partial class TestHistory
{
    /// <summary>
    /// The verdict at <paramref name="to"/> over the executions in [<paramref name="from"/>, <paramref name="to"/>),
    /// without impact (see <see cref="ImpactLedger"/>). Working tables are kept between calls (one test is evaluated
    /// for window after window), so a call allocates little beyond its result; not for concurrent use.
    /// </summary>
    public TestHealth Evaluate(DateTimeOffset from, DateTimeOffset to, FlakinessOptions options)
    {
        var (w, executions, failures) = Tally(from, to, options, withBranches: true);
        var evidence = Evidence(w);
        var score = ProportionInterval.Wilson(evidence.Total, w.Commits.Count, options.ConfidenceZ);
        var (state, since) = Verdict(options, to, w.Starts, w.EvidenceTimes, w.Commits);
        return new TestHealth(
            Repository,
            TestId,
            state,
            since,
            w.RunAttempts.Count,
            w.Commits.Count,
            executions,
            failures,
            evidence,
            w.EvidenceTimes.Count > 0 ? w.EvidenceTimes[^1] : null,
            score,
            ValueList.From(w.BranchesByName.Where(b => w.Branches[b].Executions > 0).Select(b => w.Branches[b].ToStability(BranchName(b)))),
            default);
    }

    /// <summary>
    /// What <see cref="Evaluate"/> decides, without what only the full record shows (branches, interval bounds):
    /// the same tally and verdict, allocating nothing.
    /// </summary>
    public WindowVerdict Judge(DateTimeOffset from, DateTimeOffset to, FlakinessOptions options)
    {
        if (JudgeWithoutFailures(FirstAtOrAfter(from), FirstAtOrAfter(to), options) is { } passing)
        {
            return passing;
        }

        var (w, executions, _) = Tally(from, to, options, withBranches: false);
        var evidence = Evidence(w);
        var score = ProportionInterval.Wilson(evidence.Total, w.Commits.Count, options.ConfidenceZ);
        var (state, _) = Verdict(options, to, w.Starts, w.EvidenceTimes, w.Commits);
        return new WindowVerdict(state, executions, w.Commits.Count, evidence.Total, score.Estimate);
    }

    /// <summary>Fills the working tables from the executions in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private (WorkTables Tables, int Executions, int Failures) Tally(DateTimeOffset from, DateTimeOffset to, FlakinessOptions options, bool withBranches)
    {
        var w = _work ??= new WorkTables();
        w.Reset(this, options);
        int executions = 0, failures = 0;
        for (var i = FirstAtOrAfter(from); i < _executions.Count && _executions[i].StartedAt < to; i++)
        {
            var e = _executions[i];
            if (!e.Counts)
            {
                continue;
            }

            executions++;
            failures += e.IsFailure ? 1 : 0;

            // Executions are in time order: the first of a run attempt is its start, and starts come in order.
            if (w.RunAttempts.Add((e.Run, e.Attempt)))
            {
                w.Starts.Add(e.StartedAt);
            }

            if (!w.CommitIndex.TryGetValue(e.Commit, out var c))
            {
                c = w.Commits.Count;
                w.CommitIndex[e.Commit] = c;
                w.Commits.Add(new CommitFacts(e.StartedAt));
            }

            ref var commit = ref CollectionsMarshal.AsSpan(w.Commits)[c];
            commit.Passed |= !e.IsFailure;
            commit.Failed |= e.IsFailure;
            commit.OnDefaultBranch |= w.DefaultBranch[e.Branch];

            // "The same code" is the same commit in the same job: a test that always fails on one matrix entry and passes
            // on another is not flaky. Outcomes seen per attempt, per run and in all of that commit and job.
            var seen = e.IsFailure ? Seen.Fail : Seen.Pass;
            var attempt = CollectionsMarshal.GetValueRefOrAddDefault(w.Attempts, (e.Commit, e.Job, e.Run, e.Attempt), out _) |= seen;
            var run = CollectionsMarshal.GetValueRefOrAddDefault(w.Runs, (e.Commit, e.Job, e.Run), out _) |= seen;
            var all = CollectionsMarshal.GetValueRefOrAddDefault(w.Cells, (e.Commit, e.Job), out _) |= seen;
            var kind = attempt == Seen.Both ? EvidenceKind.Retry
                : run == Seen.Both ? EvidenceKind.Rerun
                : all == Seen.Both ? EvidenceKind.SeparateRuns
                : EvidenceKind.None;
            if (kind != EvidenceKind.None)
            {
                commit.Observe(kind, e.StartedAt);
            }

            if (withBranches)
            {
                w.Branches[e.Branch].Add(e.IsFailure, e.Commit);
            }
        }

        return (w, executions, failures);
    }

    /// <summary>The tallied commits' evidence by kind; leaves the evidence times in <paramref name="w"/>, in time order.</summary>
    private static FlakyEvidence Evidence(WorkTables w)
    {
        int retries = 0, reruns = 0, separate = 0;
        w.EvidenceTimes.Clear();
        foreach (var commit in w.Commits)
        {
            retries += commit.Evidence == EvidenceKind.Retry ? 1 : 0;
            reruns += commit.Evidence == EvidenceKind.Rerun ? 1 : 0;
            separate += commit.Evidence == EvidenceKind.SeparateRuns ? 1 : 0;
            if (commit.EvidenceAt is { } at)
            {
                w.EvidenceTimes.Add(at);
            }
        }

        SortStably(w.EvidenceTimes);
        return new FlakyEvidence(retries, reruns, separate);
    }

    /// <summary>Sorts a short list by instant, keeping equal instants in their order (as LINQ's Order does).</summary>
    private static void SortStably(List<DateTimeOffset> instants)
    {
        for (var i = 1; i < instants.Count; i++)
        {
            var x = instants[i];
            var j = i;
            for (; j > 0 && instants[j - 1] > x; j--)
            {
                instants[j] = instants[j - 1];
            }

            instants[j] = x;
        }
    }

    /// <summary>The index of the first execution at or after <paramref name="instant"/> (executions are sorted).</summary>
    private int FirstAtOrAfter(DateTimeOffset instant)
    {
        int low = 0, high = _executions.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_executions[middle].StartedAt < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The state and since when, from a window's run starts and evidence times (in time order) and commits (in the order
    /// first tested, so by <see cref="CommitFacts.FirstAt"/>).
    /// </summary>
    internal static (TestState State, DateTimeOffset? Since) Verdict(
        FlakinessOptions options,
        DateTimeOffset to,
        List<DateTimeOffset> runStarts,
        List<DateTimeOffset> evidence,
        List<CommitFacts> commits)
    {
        if (runStarts.Count < options.MinimumRuns)
        {
            return (TestState.NotEnoughRuns, null);
        }

        // Broken: failed and never passed on each of the latest N tested commits of a default branch (Trunk: broken wins),
        // since the first of the default branch's latest commits that only failed. The commits come in the order first
        // tested, so the default branch's latest are its last: walked back from the end, without sorting or copying them.
        var (failedOnly, since) = (0, default(DateTimeOffset));
        for (var i = commits.Count - 1; i >= 0; i--)
        {
            if (!commits[i].OnDefaultBranch)
            {
                continue;
            }

            if (!commits[i].FailedOnly)
            {
                break;
            }

            (failedOnly, since) = (failedOnly + 1, commits[i].FirstAt);
        }

        if (failedOnly >= options.BrokenCommits)
        {
            return (TestState.Broken, since);
        }

        if (evidence.Count == 0)
        {
            return (TestState.Healthy, null);
        }

        // Flaky until RecoveryPeriod and RecoveryRuns have passed without evidence (Trunk: 7 days; Harness: 5 passes).
        var recoveredAt = RecoveredAt(options, evidence[^1], to, runStarts);
        if (evidence.Count >= options.MinimumFlakyCommits && recoveredAt is null)
        {
            var episode = evidence.Count - 1;
            while (episode > 0 && RecoveredAt(options, evidence[episode - 1], evidence[episode], runStarts) is null)
            {
                episode--;
            }

            return (TestState.Flaky, evidence[episode]);
        }

        return (TestState.Healthy, recoveredAt);
    }

    /// <summary>
    /// When a test flaky at <paramref name="evidenceAt"/> recovered before <paramref name="until"/>: once both the recovery
    /// period has passed and the recovery runs have started after the evidence; null when it had not by then.
    /// </summary>
    private static DateTimeOffset? RecoveredAt(FlakinessOptions options, DateTimeOffset evidenceAt, DateTimeOffset until, List<DateTimeOffset> runStarts)
    {
        var byTime = evidenceAt + options.RecoveryPeriod;
        if (byTime > until)
        {
            return null;
        }

        if (options.RecoveryRuns == 0)
        {
            return byTime;
        }

        // The first run strictly after the evidence, then the RecoveryRuns-th of them.
        var index = runStarts.BinarySearch(evidenceAt);
        index = index < 0 ? ~index : index;
        while (index < runStarts.Count && runStarts[index] <= evidenceAt)
        {
            index++;
        }

        var last = index + options.RecoveryRuns - 1;
        if (last >= runStarts.Count || runStarts[last] >= until)
        {
            return null;
        }

        return runStarts[last] > byTime ? runStarts[last] : byTime;
    }

    /// <summary>Where in the run structure a pass and a fail of one commit and job met; narrower kinds first.</summary>
    internal enum EvidenceKind
    {
        None,
        Retry,
        Rerun,
        SeparateRuns,
    }

    /// <summary>Which outcomes were seen.</summary>
    [Flags]
    private enum Seen : byte
    {
        None = 0,
        Pass = 1,
        Fail = 2,
        Both = 3,
    }

    /// <summary>What the window shows about one commit.</summary>
    internal struct CommitFacts(DateTimeOffset firstAt)
    {
        public DateTimeOffset FirstAt { get; } = firstAt;

        public bool Passed { get; set; }

        public bool Failed { get; set; }

        public bool OnDefaultBranch { get; set; }

        public EvidenceKind Evidence { get; private set; }

        public DateTimeOffset? EvidenceAt { get; private set; }

        public readonly bool FailedOnly => Failed && !Passed;

        public void Observe(EvidenceKind kind, DateTimeOffset at)
        {
            EvidenceAt ??= at;
            Evidence = Evidence == EvidenceKind.None || kind < Evidence ? kind : Evidence;
        }
    }

    /// <summary>How outcomes alternate on one branch, accumulated in time order (as BranchStability.Of counts them).</summary>
    private struct BranchTally
    {
        private bool _lastFailed;
        private int _lastCommit;

        public int Executions { get; private set; }

        public int Failures { get; private set; }

        public int Flips { get; private set; }

        public int Disruptions { get; private set; }

        public void Add(bool failed, int commit)
        {
            Failures += failed ? 1 : 0;
            if (Executions > 0 && failed != _lastFailed)
            {
                Flips++;
                Disruptions += commit == _lastCommit ? 1 : 0;
            }

            Executions++;
            _lastFailed = failed;
            _lastCommit = commit;
        }

        public readonly BranchStability ToStability(string branch) => BranchStability.Of(branch, Executions, Failures, Flips, Disruptions);
    }

    /// <summary>The working tables of <see cref="Evaluate"/>, emptied (keeping their capacity) at each call.</summary>
    private sealed class WorkTables
    {
        public HashSet<(int Run, int Attempt)> RunAttempts { get; } = [];

        public List<DateTimeOffset> Starts { get; } = [];

        public Dictionary<int, int> CommitIndex { get; } = [];

        public List<CommitFacts> Commits { get; } = [];

        public Dictionary<(int Commit, int Job, int Run, int Attempt), Seen> Attempts { get; } = [];

        public Dictionary<(int Commit, int Job, int Run), Seen> Runs { get; } = [];

        public Dictionary<(int Commit, int Job), Seen> Cells { get; } = [];

        public List<DateTimeOffset> EvidenceTimes { get; } = [];

        public BranchTally[] Branches { get; private set; } = [];

        public bool[] DefaultBranch { get; private set; } = [];

        /// <summary>Branch indexes in ordinal order of their names.</summary>
        public int[] BranchesByName { get; private set; } = [];

        private FlakinessOptions? _options;

        /// <summary>Drops the branch tables, which describe the previous test's branches.</summary>
        public void ForgetBranches() => _options = null;

        public void Reset(TestHistory history, FlakinessOptions options)
        {
            RunAttempts.Clear();
            Starts.Clear();
            CommitIndex.Clear();
            Commits.Clear();
            Attempts.Clear();
            Runs.Clear();
            Cells.Clear();
            var count = history._branches.Count;
            if (Branches.Length != count || !ReferenceEquals(options, _options))
            {
                Branches = new BranchTally[count];
                DefaultBranch = [.. Enumerable.Range(0, count).Select(b => options.IsDefaultBranch(history.BranchName(b)))];
                BranchesByName = history.BranchesByName();
                _options = options;
            }
            else
            {
                Array.Clear(Branches);
            }
        }
    }
}
