using Analytics.Domain.Common;

namespace Analytics.Signals.Flakiness;

/// <summary>The verdict over a window (signal-science.md §2.1; docs/signals/tests.flaky.md).</summary>
internal sealed partial class TestHistory
{
    /// <summary>
    /// The verdict at <paramref name="to"/> over the executions in [<paramref name="from"/>, <paramref name="to"/>),
    /// without impact (see <see cref="ImpactLedger"/>).
    /// </summary>
    public TestHealth Evaluate(DateTimeOffset from, DateTimeOffset to, FlakinessOptions options)
    {
        var runStarts = new Dictionary<(int Run, int Attempt), DateTimeOffset>();
        var commits = new Dictionary<int, CommitFacts>();
        var cells = new Dictionary<(int Commit, int Job), Cell>();
        var branches = new SortedDictionary<string, List<(bool Failed, int Commit)>>(StringComparer.Ordinal);
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
            runStarts.TryAdd((e.Run, e.Attempt), e.StartedAt); // executions are in time order: the first is the earliest
            if (!commits.TryGetValue(e.Commit, out var commit))
            {
                commit = new CommitFacts(e.StartedAt);
                commits[e.Commit] = commit;
            }

            commit.Passed |= !e.IsFailure;
            commit.Failed |= e.IsFailure;
            commit.OnDefaultBranch |= options.IsDefaultBranch(_branches[e.Branch]);

            // "The same code" is the same commit in the same job: a test that always fails on one matrix entry and passes
            // on another is not flaky.
            if (!cells.TryGetValue((e.Commit, e.Job), out var cell))
            {
                cell = new Cell();
                cells[(e.Commit, e.Job)] = cell;
            }

            if (cell.Observe(e) is { } kind)
            {
                commit.Observe(kind, e.StartedAt);
            }

            var branch = _branches[e.Branch];
            if (!branches.TryGetValue(branch, out var outcomes))
            {
                outcomes = [];
                branches[branch] = outcomes;
            }

            outcomes.Add((e.IsFailure, e.Commit));
        }

        var evidence = new FlakyEvidence(
            commits.Values.Count(c => c.Evidence == EvidenceKind.Retry),
            commits.Values.Count(c => c.Evidence == EvidenceKind.Rerun),
            commits.Values.Count(c => c.Evidence == EvidenceKind.SeparateRuns));
        var evidenceTimes = commits.Values.Where(c => c.EvidenceAt is not null).Select(c => c.EvidenceAt!.Value).Order().ToList();
        var starts = runStarts.Values.Order().ToList();
        var score = ProportionInterval.Wilson(evidence.Total, commits.Count, options.ConfidenceZ);
        var (state, since) = Verdict(options, to, starts, evidenceTimes, commits.Values);
        return new TestHealth(
            Repository,
            TestId,
            state,
            since,
            runStarts.Count,
            commits.Count,
            executions,
            failures,
            evidence,
            evidenceTimes.Count > 0 ? evidenceTimes[^1] : null,
            score,
            ValueList.From(branches.Select(b => BranchStability.Of(b.Key, b.Value))),
            default);
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

    private static (TestState State, DateTimeOffset? Since) Verdict(
        FlakinessOptions options,
        DateTimeOffset to,
        List<DateTimeOffset> runStarts,
        List<DateTimeOffset> evidence,
        IEnumerable<CommitFacts> commits)
    {
        if (runStarts.Count < options.MinimumRuns)
        {
            return (TestState.NotEnoughRuns, null);
        }

        // Broken: failed and never passed on each of the latest N tested commits of a default branch (Trunk: broken wins).
        var mainline = commits.Where(c => c.OnDefaultBranch).OrderBy(c => c.FirstAt).ToList();
        if (mainline.Count >= options.BrokenCommits && mainline.TakeLast(options.BrokenCommits).All(c => c.FailedOnly))
        {
            var first = mainline.Count - 1;
            while (first > 0 && mainline[first - 1].FailedOnly)
            {
                first--;
            }

            return (TestState.Broken, mainline[first].FirstAt);
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
    private enum EvidenceKind
    {
        None,
        Retry,
        Rerun,
        SeparateRuns,
    }

    /// <summary>What the window shows about one commit.</summary>
    private sealed class CommitFacts(DateTimeOffset firstAt)
    {
        public DateTimeOffset FirstAt { get; } = firstAt;

        public bool Passed { get; set; }

        public bool Failed { get; set; }

        public bool OnDefaultBranch { get; set; }

        public EvidenceKind Evidence { get; private set; }

        public DateTimeOffset? EvidenceAt { get; private set; }

        public bool FailedOnly => Failed && !Passed;

        public void Observe(EvidenceKind kind, DateTimeOffset at)
        {
            EvidenceAt ??= at;
            Evidence = Evidence == EvidenceKind.None || kind < Evidence ? kind : Evidence;
        }
    }

    /// <summary>The outcomes of one commit in one job, by run and attempt.</summary>
    private sealed class Cell
    {
        private readonly Dictionary<(int Run, int Attempt), Seen> _attempts = [];
        private readonly Dictionary<int, Seen> _runs = [];
        private Seen _all;

        [Flags]
        private enum Seen
        {
            None = 0,
            Pass = 1,
            Fail = 2,
            Both = 3,
        }

        /// <summary>Adds an execution; returns the narrowest kind of evidence it completes, if any.</summary>
        public EvidenceKind? Observe(TestExecution e)
        {
            var seen = e.IsFailure ? Seen.Fail : Seen.Pass;
            var attempt = _attempts.GetValueOrDefault((e.Run, e.Attempt)) | seen;
            var run = _runs.GetValueOrDefault(e.Run) | seen;
            _attempts[(e.Run, e.Attempt)] = attempt;
            _runs[e.Run] = run;
            _all |= seen;
            return attempt == Seen.Both ? EvidenceKind.Retry
                : run == Seen.Both ? EvidenceKind.Rerun
                : _all == Seen.Both ? EvidenceKind.SeparateRuns
                : null;
        }
    }
}
