using Analytics.Domain.Common;
using Analytics.Signals.Flakiness;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// The former <c>TestHistory.Evaluate</c> loop, kept as the reference for the faster one: fresh dictionaries per call, a
/// cell object per commit and job, outcome lists per branch. Only the final verdict (<c>TestHistory.Verdict</c>) is
/// shared with the code under test.
/// </summary>
internal static class FormerVerdict
{
    public static TestHealth Evaluate(TestHistory history, DateTimeOffset from, DateTimeOffset to, FlakinessOptions options)
    {
        var runStarts = new Dictionary<(int Run, int Attempt), DateTimeOffset>();
        var commits = new Dictionary<int, Commit>();
        var cells = new Dictionary<(int Commit, int Job), Cell>();
        var branches = new SortedDictionary<string, List<(bool Failed, int Commit)>>(StringComparer.Ordinal);
        int executions = 0, failures = 0;
        foreach (var e in history.Executions.Where(e => e.StartedAt >= from && e.StartedAt < to))
        {
            if (!e.Counts)
            {
                continue;
            }

            executions++;
            failures += e.IsFailure ? 1 : 0;
            runStarts.TryAdd((e.Run, e.Attempt), e.StartedAt);
            if (!commits.TryGetValue(e.Commit, out var commit))
            {
                commit = new Commit(e.StartedAt);
                commits[e.Commit] = commit;
            }

            commit.Passed |= !e.IsFailure;
            commit.Failed |= e.IsFailure;
            commit.OnDefaultBranch |= options.IsDefaultBranch(history.BranchName(e.Branch));
            if (!cells.TryGetValue((e.Commit, e.Job), out var cell))
            {
                cell = new Cell();
                cells[(e.Commit, e.Job)] = cell;
            }

            if (cell.Observe(e) is { } kind)
            {
                commit.EvidenceAt ??= e.StartedAt;
                commit.Evidence = commit.Evidence == TestHistory.EvidenceKind.None || kind < commit.Evidence ? kind : commit.Evidence;
            }

            var branch = history.BranchName(e.Branch);
            if (!branches.TryGetValue(branch, out var outcomes))
            {
                outcomes = [];
                branches[branch] = outcomes;
            }

            outcomes.Add((e.IsFailure, e.Commit));
        }

        var evidence = new FlakyEvidence(
            commits.Values.Count(c => c.Evidence == TestHistory.EvidenceKind.Retry),
            commits.Values.Count(c => c.Evidence == TestHistory.EvidenceKind.Rerun),
            commits.Values.Count(c => c.Evidence == TestHistory.EvidenceKind.SeparateRuns));
        var evidenceTimes = commits.Values.Where(c => c.EvidenceAt is not null).Select(c => c.EvidenceAt!.Value).Order().ToList();
        var starts = runStarts.Values.Order().ToList();
        var score = ProportionInterval.Wilson(evidence.Total, commits.Count, options.ConfidenceZ);
        var facts = commits.Values.Select(c =>
        {
            var f = new TestHistory.CommitFacts(c.FirstAt) { Passed = c.Passed, Failed = c.Failed, OnDefaultBranch = c.OnDefaultBranch };
            if (c.EvidenceAt is { } at)
            {
                f.Observe(c.Evidence, at);
            }

            return f;
        }).ToList();
        var (state, since) = TestHistory.Verdict(options, to, starts, evidenceTimes, facts);
        return new TestHealth(
            history.Repository,
            history.TestId,
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

    private sealed class Commit(DateTimeOffset firstAt)
    {
        public DateTimeOffset FirstAt { get; } = firstAt;

        public bool Passed { get; set; }

        public bool Failed { get; set; }

        public bool OnDefaultBranch { get; set; }

        public TestHistory.EvidenceKind Evidence { get; set; }

        public DateTimeOffset? EvidenceAt { get; set; }
    }

    private sealed class Cell
    {
        private readonly Dictionary<(int Run, int Attempt), int> _attempts = [];
        private readonly Dictionary<int, int> _runs = [];
        private int _all;

        public TestHistory.EvidenceKind? Observe(TestExecution e)
        {
            var seen = e.IsFailure ? 2 : 1;
            var attempt = _attempts.GetValueOrDefault((e.Run, e.Attempt)) | seen;
            var run = _runs.GetValueOrDefault(e.Run) | seen;
            _attempts[(e.Run, e.Attempt)] = attempt;
            _runs[e.Run] = run;
            _all |= seen;
            return attempt == 3 ? TestHistory.EvidenceKind.Retry
                : run == 3 ? TestHistory.EvidenceKind.Rerun
                : _all == 3 ? TestHistory.EvidenceKind.SeparateRuns
                : null;
        }
    }
}
