namespace Analytics.Signals.CiCost;

/// <summary>
/// The started and finished jobs of a request's owned repositories (<see cref="CiUsage.JobsAsync"/>), held column-wise:
/// one array entry per job, in the order they are summed in (time started, then repository, job id and source, ordinal),
/// and texts only per distinct value (<see cref="Kinds"/>, <see cref="Runs"/>). 1.65 million jobs take about 50 bytes
/// each. Not changed once built; equality is by reference.
/// </summary>
internal sealed class CiJobSet
{
    private readonly int[] _kind;
    private readonly long[] _startedAt;
    private readonly int[] _minutes;
    private readonly double[] _cost;
    private readonly JobOutcome[] _outcome;
    private readonly int[] _run;
    private readonly int[] _attempt;

    /// <summary>Makes a set from its columns, which must be of one length; it keeps the arrays given.</summary>
    public CiJobSet(
        IReadOnlyList<JobKind> kinds,
        IReadOnlyList<(string Source, string Repository, string RunId)> runs,
        int[] kind,
        long[] startedAt,
        int[] minutes,
        double[] cost,
        JobOutcome[] outcome,
        int[] run,
        int[] attempt)
    {
        Kinds = kinds;
        Runs = runs;
        (_kind, _startedAt, _minutes, _cost, _outcome, _run, _attempt) = (kind, startedAt, minutes, cost, outcome, run, attempt);
    }

    /// <summary>The distinct kinds of job (team, repository, workflow); <see cref="Kind"/> indexes into it.</summary>
    public IReadOnlyList<JobKind> Kinds { get; }

    /// <summary>The distinct runs (source, repository, run id) of the jobs; <see cref="Run"/> indexes into it.</summary>
    public IReadOnlyList<(string Source, string Repository, string RunId)> Runs { get; }

    /// <summary>How many jobs.</summary>
    public int Count => _kind.Length;

    /// <summary>Each job's kind (an index into <see cref="Kinds"/>).</summary>
    public ReadOnlySpan<int> Kind => _kind;

    /// <summary>When a runner picked each job up, as UTC ticks; a job counts in the window containing it.</summary>
    public ReadOnlySpan<long> StartedAt => _startedAt;

    /// <summary>Each job's run time rounded up to the whole minute (<see cref="CiUsage.BillableMinutes"/>).</summary>
    public ReadOnlySpan<int> Minutes => _minutes;

    /// <summary>Each job's minutes times its runner's price per minute (<see cref="RunnerPrices.PriceOf"/>), as a double.</summary>
    public ReadOnlySpan<double> Cost => _cost;

    /// <summary>Whether each job failed and whether a later attempt of its run ran a job of its name.</summary>
    public ReadOnlySpan<JobOutcome> Outcome => _outcome;

    /// <summary>Each job's run (an index into <see cref="Runs"/>).</summary>
    public ReadOnlySpan<int> Run => _run;

    /// <summary>The run attempt each job belongs to.</summary>
    public ReadOnlySpan<int> Attempt => _attempt;
}
