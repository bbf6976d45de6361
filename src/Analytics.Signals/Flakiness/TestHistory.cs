using System.Runtime.InteropServices;
using Analytics.Domain.Common;
using Analytics.Domain.Testing;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The executions of one test (a test id in a repository) over the scanned period, in time order, and the verdict over any
/// window of it. Memory is proportional to this one test's executions; the scanner fills it one test at a time, and
/// reuses one history (its tables keep their capacity) from test to test.
/// </summary>
internal sealed partial class TestHistory(string repository, string testId, IReadOnlyList<string> texts)
{
    private readonly List<TestExecution> _executions = [];
    private readonly CodeInterner _commits = new();
    private readonly Dictionary<long, int> _runIndexes = [];
    private readonly List<(int Source, int RunId)> _runs = [];
    private readonly CodeInterner _jobs = new();
    private readonly CodeInterner _branches = new();
    private IReadOnlyList<string> _texts = texts;
    private IReadOnlyDictionary<int, int>? _branchRanks;
    private bool _sorted = true;
    private WorkTables? _work;

    /// <summary>The repository's full name.</summary>
    public string Repository { get; private set; } = repository;

    /// <summary>The test's id.</summary>
    public string TestId { get; private set; } = testId;

    /// <summary>
    /// Empties the history for another test, keeping the capacity of its tables; <paramref name="texts"/> spells the
    /// codes the next test's executions are added with (<see cref="Add"/>), and <paramref name="branchRanks"/>, when
    /// given, ranks every branch code they use (<see cref="Storage.Columns.StringTable.Null"/> for none) by the ordinal order of its name
    /// (<see cref="BranchName"/>), so that <see cref="BranchesByName"/> need not compare names.
    /// </summary>
    public void Restart(string repository, string testId, IReadOnlyList<string> texts, IReadOnlyDictionary<int, int>? branchRanks = null)
    {
        Repository = repository;
        TestId = testId;
        _texts = texts;
        _branchRanks = branchRanks;
        _executions.Clear();
        _commits.Clear();
        _runIndexes.Clear();
        _runs.Clear();
        _jobs.Clear();
        _branches.Clear();
        _work?.ForgetBranches();
        _sorted = true;
        _indexed = false;
    }

    /// <summary>The executions, in time order (then in the order they were added) once <see cref="Seal"/> ran.</summary>
    public IReadOnlyList<TestExecution> Executions => _executions;

    /// <summary>The name of an execution's <see cref="TestExecution.Branch"/>.</summary>
    public string BranchName(int branch) => _branches[branch] is var code and >= 0 ? _texts[code] : NoBranch;

    /// <summary>The branch indexes (as in <see cref="TestExecution.Branch"/>) in the ordinal order of their names.</summary>
    public int[] BranchesByName()
    {
        var count = _branches.Count;
        if (_branchRanks is not { } ranks)
        {
            return [.. Enumerable.Range(0, count).OrderBy(BranchName, StringComparer.Ordinal)];
        }

        // One sort of numbers: the rank in the high half, the index (unique) in the low. Ranks are distinct, so only a
        // branch literally named NoBranch could come out on the other side of the results without one.
        var keys = new long[count];
        for (var b = 0; b < count; b++)
        {
            keys[b] = ((long)ranks[_branches[b]] << 32) | (uint)b;
        }

        Array.Sort(keys);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = (int)(keys[i] & uint.MaxValue);
        }

        return order;
    }

    /// <summary>The run key (source and run id) of an execution's <see cref="TestExecution.Run"/>.</summary>
    public string RunKey(int run) => RunKeyOf(_texts[_runs[run].Source], _texts[_runs[run].RunId]);

    /// <summary>The source and run id of an execution's <see cref="TestExecution.Run"/>.</summary>
    public (string Source, string RunId) RunOf(int run) => (_texts[_runs[run].Source], _texts[_runs[run].RunId]);

    /// <summary>
    /// Adds one execution, its texts given as codes into the texts of <see cref="Restart"/> (the scanner's read codes
    /// them already, so they are told apart by integer rather than by string); <paramref name="branch"/> is −1 when the
    /// result names no branch. Executions at the same instant keep the order they are added in, so the scanner adds them
    /// in key order (source, run, attempt, job, execution; <see cref="TestResultChunk"/>).
    /// </summary>
    public void Add(
        int source,
        int runId,
        int attempt,
        int job,
        int execution,
        int commitSha,
        int branch,
        TestOutcome outcome,
        TimeSpan duration,
        DateTimeOffset startedAt)
    {
        ref var run = ref CollectionsMarshal.GetValueRefOrAddDefault(_runIndexes, ((long)source << 32) | (uint)runId, out var known);
        if (!known)
        {
            run = _runs.Count;
            _runs.Add((source, runId));
        }

        var added = new TestExecution(
            startedAt,
            _commits.Intern(commitSha),
            run,
            attempt,
            _jobs.Intern(job),
            execution,
            _branches.Intern(branch),
            outcome,
            duration);
        _sorted &= _executions.Count == 0 || _executions[^1].StartedAt <= startedAt;
        _executions.Add(added);
        _indexed = false;
    }

    /// <summary>
    /// Puts the executions in time order, keeping the order they were added in among executions at the same instant (a
    /// stable sort); the scanner reads them in time order already, so this normally does nothing.
    /// </summary>
    public void Seal()
    {
        if (!_sorted)
        {
            var ordered = _executions.OrderBy(e => e.StartedAt).ToList(); // OrderBy is stable
            _executions.Clear();
            _executions.AddRange(ordered);
            _sorted = true;
            _indexed = false;
        }
    }

    /// <summary>The branch name used when results name none.</summary>
    public const string NoBranch = "(none)";

    /// <summary>How runs are told apart across sources.</summary>
    public static string RunKeyOf(string source, string runId) => source + "\u001f" + runId;

    /// <summary>
    /// Codes (of one read, −1 for none) to dense indexes and back. A code's index is found in an array indexed by the code,
    /// valid when stamped with the current generation, so emptying it for the next test costs nothing.
    /// </summary>
    private sealed class CodeInterner
    {
        private readonly List<int> _codes = [];
        private int[] _indexes = [];
        private int[] _stamps = [];
        private int _generation = 1;

        /// <summary>The code of dense index <paramref name="index"/>.</summary>
        public int this[int index] => _codes[index];

        public int Count => _codes.Count;

        public void Clear()
        {
            _codes.Clear();
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamps);
                _generation = 1;
            }
        }

        public int Intern(int code)
        {
            var slot = code + 1; // −1 (none) takes slot 0
            if (slot >= _stamps.Length)
            {
                var length = Math.Max(slot + 1, _stamps.Length * 2);
                Array.Resize(ref _indexes, length);
                Array.Resize(ref _stamps, length);
            }

            if (_stamps[slot] != _generation)
            {
                _stamps[slot] = _generation;
                _indexes[slot] = _codes.Count;
                _codes.Add(code);
            }

            return _indexes[slot];
        }
    }
}
