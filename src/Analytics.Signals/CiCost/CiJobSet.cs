using System.Runtime.InteropServices;

namespace Analytics.Signals.CiCost;

/// <summary>
/// The started and finished jobs of a request's owned repositories (<see cref="CiUsage.JobsAsync"/>), held column-wise:
/// one entry per job, in the order the store gave them (every use sums exactly or looks at one job at a time), and texts
/// only per distinct value (<see cref="Kinds"/>, <see cref="Runs"/>). 1.65 million jobs take about 50 bytes each. Not
/// changed once built; equality is by reference.
/// </summary>
internal sealed class CiJobSet
{
    private readonly List<int> _kind;
    private readonly List<long> _startedAt;
    private readonly List<int> _minutes;
    private readonly List<decimal> _cost;
    private readonly List<JobOutcome> _outcome;
    private readonly List<int> _run;
    private readonly List<int> _attempt;

    private CiJobSet(Builder builder)
    {
        Kinds = builder.Kinds;
        Runs = builder.Runs;
        (_kind, _startedAt, _minutes, _cost, _outcome, _run, _attempt) =
            (builder.Kind, builder.StartedAt, builder.Minutes, builder.Cost, builder.Outcome, builder.Run, builder.Attempt);
    }

    /// <summary>The distinct kinds of job (team, repository, workflow); <see cref="Kind"/> indexes into it.</summary>
    public IReadOnlyList<JobKind> Kinds { get; }

    /// <summary>The distinct runs (source, repository, run id) of the jobs; <see cref="Run"/> indexes into it.</summary>
    public IReadOnlyList<(string Source, string Repository, string RunId)> Runs { get; }

    /// <summary>How many jobs.</summary>
    public int Count => _kind.Count;

    /// <summary>Each job's kind (an index into <see cref="Kinds"/>).</summary>
    public ReadOnlySpan<int> Kind => CollectionsMarshal.AsSpan(_kind);

    /// <summary>When a runner picked each job up, as UTC ticks; a job counts in the window containing it.</summary>
    public ReadOnlySpan<long> StartedAt => CollectionsMarshal.AsSpan(_startedAt);

    /// <summary>Each job's run time rounded up to the whole minute (<see cref="CiUsage.BillableMinutes"/>).</summary>
    public ReadOnlySpan<int> Minutes => CollectionsMarshal.AsSpan(_minutes);

    /// <summary>Each job's minutes times its runner's price per minute (<see cref="RunnerPrices.PriceOf"/>), exactly.</summary>
    public ReadOnlySpan<decimal> Cost => CollectionsMarshal.AsSpan(_cost);

    /// <summary>Whether each job failed and whether a later attempt of its run ran a job of its name.</summary>
    public ReadOnlySpan<JobOutcome> Outcome => CollectionsMarshal.AsSpan(_outcome);

    /// <summary>Each job's run (an index into <see cref="Runs"/>).</summary>
    public ReadOnlySpan<int> Run => CollectionsMarshal.AsSpan(_run);

    /// <summary>The run attempt each job belongs to.</summary>
    public ReadOnlySpan<int> Attempt => CollectionsMarshal.AsSpan(_attempt);

    /// <summary>Collects a read's jobs as they come; <see cref="ToJobSet"/> seals them once every job has been read.</summary>
    public sealed class Builder
    {
        /// <summary>The distinct kinds of job met so far.</summary>
        public List<JobKind> Kinds { get; } = [];

        /// <summary>The distinct runs met so far.</summary>
        public List<(string Source, string Repository, string RunId)> Runs { get; } = [];

        internal List<int> Kind { get; } = [];

        internal List<long> StartedAt { get; } = [];

        internal List<int> Minutes { get; } = [];

        internal List<decimal> Cost { get; } = [];

        internal List<JobOutcome> Outcome { get; } = [];

        internal List<int> Run { get; } = [];

        internal List<int> Attempt { get; } = [];

        /// <summary>Adds a finished job; <paramref name="outcome"/> says whether it failed (re-runs are marked when sealed).</summary>
        public void Add(int kind, long startedAt, int minutes, decimal cost, JobOutcome outcome, int run, int attempt)
        {
            Kind.Add(kind);
            StartedAt.Add(startedAt);
            Minutes.Add(minutes);
            Cost.Add(cost);
            Outcome.Add(outcome);
            Run.Add(run);
            Attempt.Add(attempt);
        }

        /// <summary>
        /// The set, each job marked <see cref="JobOutcome.Rerun"/> when <paramref name="lastAttemptOf"/> (given the job's
        /// index) is later than its own attempt. The builder must not be used afterwards.
        /// </summary>
        public CiJobSet ToJobSet(Func<int, int> lastAttemptOf)
        {
            var outcome = CollectionsMarshal.AsSpan(Outcome);
            var attempt = CollectionsMarshal.AsSpan(Attempt);
            for (var i = 0; i < outcome.Length; i++)
            {
                if (lastAttemptOf(i) > attempt[i])
                {
                    outcome[i] |= JobOutcome.Rerun;
                }
            }

            return new CiJobSet(this);
        }
    }
}
