using Analytics.Domain.Common;
using Analytics.Domain.Testing;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The executions of one test (a test id in a repository) over the scanned period, in time order, and the verdict over any
/// window of it. Memory is proportional to this one test's executions; the scanner keeps one test at a time, and reuses
/// one history (its tables keep their capacity) from test to test.
/// </summary>
internal sealed partial class TestHistory(string repository, string testId)
{
    private readonly List<TestExecution> _executions = [];
    private readonly Interner<string> _commits = new();
    private readonly Interner<(string Source, string RunId)> _runs = new();
    private readonly Interner<string> _jobs = new();
    private readonly Interner<string> _branches = new();
    private bool _sorted = true;
    private WorkTables? _work;

    /// <summary>The repository's full name.</summary>
    public string Repository { get; private set; } = repository;

    /// <summary>The test's id.</summary>
    public string TestId { get; private set; } = testId;

    /// <summary>Empties the history for another test, keeping the capacity of its tables.</summary>
    public void Restart(string repository, string testId)
    {
        Repository = repository;
        TestId = testId;
        _executions.Clear();
        _commits.Clear();
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
    public string BranchName(int branch) => _branches[branch];

    /// <summary>The run key (source and run id) of an execution's <see cref="TestExecution.Run"/>.</summary>
    public string RunKey(int run) => RunKeyOf(_runs[run].Source, _runs[run].RunId);

    /// <summary>
    /// Adds one execution. Executions at the same instant keep the order they are added in, so the scanner adds them in
    /// the store's key order (source, run, attempt, job, execution).
    /// </summary>
    public void Add(
        string source,
        string runId,
        int attempt,
        string job,
        int execution,
        string commitSha,
        string? branch,
        TestOutcome outcome,
        TimeSpan duration,
        DateTimeOffset startedAt)
    {
        var added = new TestExecution(
            startedAt,
            _commits.Intern(commitSha),
            _runs.Intern((source, runId)),
            attempt,
            _jobs.Intern(job),
            execution,
            _branches.Intern(branch ?? NoBranch),
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

    /// <summary>Values to dense indexes and back.</summary>
    private sealed class Interner<T>
        where T : notnull
    {
        private readonly Dictionary<T, int> _index = [];
        private readonly List<T> _values = [];

        public T this[int index] => _values[index];

        public void Clear()
        {
            _index.Clear();
            _values.Clear();
        }

        public int Count => _values.Count;

        public int Intern(T value)
        {
            if (!_index.TryGetValue(value, out var index))
            {
                index = _values.Count;
                _index[value] = index;
                _values.Add(value);
            }

            return index;
        }
    }
}
