namespace Analytics.Signals.Ci;

/// <summary>
/// A dense index (0, 1, 2…) for each CI run met in a columnar read, by its (source, repository, run id) codes. Looked up
/// by the run id's code in an array, since a run id is almost always one run's: a table keyed by the three codes, probed
/// once per row (runs and jobs come by time queued, so their runs interleave), was 5–7 % of the CI signals' CPU
/// (bench/README.md, session 16). A run id shared by two repositories or sources goes to such a table.
/// </summary>
internal sealed class RunsByCode
{
    private int[] _byRunId = new int[1024]; // a run's index + 1; 0 for none
    private readonly List<(int Source, int Repository)> _places = [];
    private readonly Dictionary<(int Source, int Repository, int RunId), int> _shared = [];

    /// <summary>How many runs have an index.</summary>
    public int Count => _places.Count;

    /// <summary>The index of <paramref name="run"/>, when it has one.</summary>
    public bool TryGet((int Source, int Repository, int RunId) run, out int index)
    {
        index = run.RunId < _byRunId.Length ? _byRunId[run.RunId] - 1 : -1;
        if (index >= 0 && _places[index] == (run.Source, run.Repository))
        {
            return true;
        }

        return _shared.TryGetValue(run, out index);
    }

    /// <summary>Gives <paramref name="run"/>, not met before (<see cref="TryGet"/> said so), the next index: <see cref="Count"/>.</summary>
    public int Add((int Source, int Repository, int RunId) run)
    {
        var index = _places.Count;
        if (run.RunId >= _byRunId.Length)
        {
            Array.Resize(ref _byRunId, Math.Max(run.RunId + 1, _byRunId.Length * 2));
        }

        _places.Add((run.Source, run.Repository));
        if (_byRunId[run.RunId] == 0)
        {
            _byRunId[run.RunId] = index + 1;
        }
        else
        {
            _shared[run] = index;
        }

        return index;
    }
}
