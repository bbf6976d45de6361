using Analytics.Signals.Ci;

namespace Analytics.Signals.CiCost;

/// <summary>
/// The workflow of each run of a <see cref="CiRunSet"/>, by source, repository and run id, for naming the workflow of
/// the CI jobs' runs. One small table of run ids per repository: a single table keyed by all three texts hashed every
/// text of every run into 655,000 entries over the org-year, a tenth of <c>ci.runner_minutes</c>'s CPU
/// (bench/README.md, session 16).
/// </summary>
internal sealed class RunWorkflows
{
    private readonly Dictionary<(string Source, string Repository), Dictionary<string, string>> _byRepository = [];

    /// <summary>The workflows of <paramref name="runs"/>; a run id met twice keeps its first workflow.</summary>
    public RunWorkflows(IEnumerable<CiRun> runs)
    {
        // Runs come by time, so the repository changes from run to run; each is the same string object as the last
        // time it was met (one per distinct value in a read), so most lookups of its table compare references only.
        var byInstance = new Dictionary<string, (string Source, Dictionary<string, string> RunIds)>(ReferenceEqualityComparer.Instance);
        foreach (var run in runs)
        {
            if (!byInstance.TryGetValue(run.Repository, out var table) || !ReferenceEquals(table.Source, run.Source))
            {
                table = (run.Source, TableOf(run.Source, run.Repository));
                byInstance[run.Repository] = table;
            }

            table.RunIds.TryAdd(run.RunId, run.Workflow);
        }
    }

    /// <summary>The run ids of one source's repository and their workflows; null when the set has none of its runs.</summary>
    public IReadOnlyDictionary<string, string>? Of(string source, string repository) =>
        _byRepository.GetValueOrDefault((source, repository));

    private Dictionary<string, string> TableOf(string source, string repository)
    {
        if (!_byRepository.TryGetValue((source, repository), out var runIds))
        {
            _byRepository[(source, repository)] = runIds = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return runIds;
    }
}
