using Analytics.Domain.Common;
using Analytics.Domain.Testing;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// The executions of one test (a test id in a repository) over the scanned period, in time order, and the verdict over any
/// window of it. Memory is proportional to this one test's executions; the scanner keeps one test at a time.
/// </summary>
internal sealed partial class TestHistory(string repository, string testId)
{
    private readonly List<TestExecution> _executions = [];
    private readonly Interner _commits = new();
    private readonly Interner _runs = new();
    private readonly Interner _jobs = new();
    private readonly Interner _branches = new();
    private bool _sorted = true;

    /// <summary>The repository's full name.</summary>
    public string Repository { get; } = repository;

    /// <summary>The test's id.</summary>
    public string TestId { get; } = testId;

    /// <summary>The executions, in time order (then run, attempt, job and execution) once <see cref="Seal"/> ran.</summary>
    public IReadOnlyList<TestExecution> Executions => _executions;

    /// <summary>The run key (source and run id) of an execution's <see cref="TestExecution.Run"/>.</summary>
    public string RunKey(int run) => _runs[run];

    /// <summary>Adds one result.</summary>
    public void Add(TestResult result)
    {
        var execution = new TestExecution(
            result.StartedAt,
            _commits.Intern(result.CommitSha),
            _runs.Intern(RunKeyOf(result.Source, result.RunId)),
            result.Attempt,
            _jobs.Intern(result.Job),
            result.Execution,
            _branches.Intern(result.Branch ?? NoBranch),
            result.Outcome,
            result.Duration);
        _sorted &= _executions.Count == 0 || Compare(_executions[^1], execution) <= 0;
        _executions.Add(execution);
    }

    /// <summary>Puts the executions in time order; the store returns them by run id, not by time.</summary>
    public void Seal()
    {
        if (!_sorted)
        {
            _executions.Sort(Compare);
            _sorted = true;
        }
    }

    /// <summary>The branch name used when results name none.</summary>
    public const string NoBranch = "(none)";

    /// <summary>How runs are told apart across sources.</summary>
    public static string RunKeyOf(string source, string runId) => source + "\u001f" + runId;

    private static int Compare(TestExecution a, TestExecution b)
    {
        var c = a.StartedAt.CompareTo(b.StartedAt);
        c = c != 0 ? c : a.Run.CompareTo(b.Run);
        c = c != 0 ? c : a.Attempt.CompareTo(b.Attempt);
        c = c != 0 ? c : a.Job.CompareTo(b.Job);
        return c != 0 ? c : a.Execution.CompareTo(b.Execution);
    }

    /// <summary>Strings to dense indexes and back.</summary>
    private sealed class Interner
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public string this[int index] => _values[index];

        public int Intern(string value)
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
