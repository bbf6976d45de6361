using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.CiCost;

/// <summary>
/// The runner use of the jobs of the teams' repositories, priced and classified (definitions:
/// <c>docs/signals/ci.cost.md</c>). Shared by the <c>ci.runner_minutes</c>, <c>ci.cost</c>, <c>ci.wasted_*</c> signals.
/// </summary>
internal static class CiUsage
{
    /// <summary>Waste of an attempt that failed only because of flaky tests (as <c>tests.flaky_ci_time</c> decides).</summary>
    public const string Flaky = "flaky";

    /// <summary>Waste of a job that failed or timed out.</summary>
    public const string Failed = "failed";

    /// <summary>Waste of a job that passed (or was cancelled) but ran again in a later attempt of its run.</summary>
    public const string Rerun = "rerun";

    /// <summary>
    /// GitHub bills each job's run time rounded up to the whole minute (GitHub Docs, "Viewing job execution time":
    /// billable minutes "are rounded up to the next minute"), so a 61-second job is 2 minutes and a 0-second job 0.
    /// </summary>
    public static int BillableMinutes(TimeSpan runTime) => (int)((runTime.Ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);

    /// <summary>The columns read from <c>ci_jobs</c>, in the order of the constants below.</summary>
    private static readonly string[] Columns =
        ["source", "repository", "run_id", "attempt", "job_id", "name", "conclusion", "started_at", "finished_at", "runner_labels"];

    private const int SourceColumn = 0;
    private const int RepositoryColumn = 1;
    private const int RunIdColumn = 2;
    private const int AttemptColumn = 3;
    private const int JobIdColumn = 4;
    private const int NameColumn = 5;
    private const int ConclusionColumn = 6;
    private const int StartedAtColumn = 7;
    private const int FinishedAtColumn = 8;
    private const int RunnerLabelsColumn = 9;

    /// <summary>Every started and finished job of an owned repository queued in the request's windows (or the day before).</summary>
    /// <param name="request">The request.</param>
    /// <param name="priced">Whether to price the jobs (which needs their runner labels); <see cref="JobUsage.Cost"/> is 0 otherwise.</param>
    /// <param name="classifyWaste">Whether to decide waste (which reads test results for flakiness).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<IReadOnlyList<JobUsage>> ReadAsync(SignalRequest request, bool priced, bool classifyWaste, CancellationToken cancellationToken)
    {
        // Jobs queued up to a day before a window can start in it; runs are queued before their jobs, and the CI signals'
        // shared read of the runs reaches a week beyond the windows (CiRuns.Margin), so it names every job's workflow.
        var span = RequestSpan.Of(request);
        var runs = await CiRuns.ReadAsync(request, cancellationToken);
        var workflows = new Dictionary<(string Source, string Repository, string RunId), string>();
        foreach (var run in runs.Runs)
        {
            workflows.TryAdd((run.Source, run.Repository, run.RunId), run.Workflow);
        }

        var query = StoreQuery.All
            .WhereIn("repository", runs.Repositories)
            .Since("queued_at", span.Start.AddDays(-1))
            .Before("queued_at", span.End);
        var owned = await ReadOwnedAsync(request, runs, workflows, query, priced, classifyWaste, cancellationToken);

        // A job is re-run when a later attempt of its run has a job of the same name (unfinished jobs count too).
        var lastAttempts = new int[owned.Count == 0 ? 0 : owned.Max(j => j.NameKey) + 1];
        var flakyAttempts = new HashSet<(string Repository, string Run, int Attempt)>();
        if (classifyWaste)
        {
            foreach (var job in owned)
            {
                lastAttempts[job.NameKey] = Math.Max(job.Attempt, lastAttempts[job.NameKey]);
            }

            flakyAttempts = await FlakyAttemptsAsync(request, cancellationToken);
        }

        var jobs = owned.Where(j => j.StartedAt is not null && j.FinishedAt is not null).ToList();
        jobs.Sort(static (a, b) => CompareJobs(a, b));
        var usage = new List<JobUsage>(jobs.Count);
        foreach (var job in jobs)
        {
            var minutes = BillableMinutes(job.FinishedAt!.Value - job.StartedAt!.Value);
            string? waste = null;
            if (classifyWaste)
            {
                var failed = job.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut;
                var rerun = lastAttempts[job.NameKey] > job.Attempt;
                waste = !(failed || rerun) ? null
                    : flakyAttempts.Contains((job.Repository, TestHistory.RunKeyOf(job.Source, job.RunId), job.Attempt)) ? Flaky
                    : failed ? Failed
                    : Rerun;
            }

            usage.Add(new JobUsage(job.Team.Id, job.Repository, job.Workflow, job.StartedAt!.Value, minutes, minutes * job.PerMinute, waste));
        }

        return usage;
    }

    /// <summary>
    /// The owned jobs from a columnar read of only the columns used (in any order: they are sorted after); owners,
    /// workflows, prices (when <paramref name="priced"/>) and (run, job name) keys are looked up by the read's integer
    /// codes, each distinct value once.
    /// </summary>
    private static async Task<List<OwnedJob>> ReadOwnedAsync(
        SignalRequest request,
        CiRunSet runs,
        Dictionary<(string Source, string Repository, string RunId), string> workflows,
        StoreQuery query,
        bool priced,
        bool withNameKeys,
        CancellationToken cancellationToken)
    {
        var owned = new List<OwnedJob>();
        var prices = new Dictionary<int, decimal>();
        var teams = new Dictionary<int, Team?>();
        var runWorkflows = new Dictionary<(int Source, int Repository, int RunId), string>();
        var nameKeys = new Dictionary<(int Source, int Repository, int RunId, int Name), int>();
        ListTable? lists = null;
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.CiJobs, Columns, query.InAnyOrder(), cancellationToken))
        {
            var strings = batch.Strings;
            lists = batch.Lists;
            var sources = batch.Codes(SourceColumn);
            var repositories = batch.Codes(RepositoryColumn);
            var runIds = batch.Codes(RunIdColumn);
            var attempts = batch.Codes(AttemptColumn);
            var jobIds = batch.Codes(JobIdColumn);
            var names = batch.Codes(NameColumn);
            var conclusions = batch.Codes(ConclusionColumn);
            var startedAt = batch.Ticks(StartedAtColumn);
            var finishedAt = batch.Ticks(FinishedAtColumn);
            var labels = batch.Codes(RunnerLabelsColumn);
            for (var row = 0; row < batch.Count; row++)
            {
                var repository = repositories[row];
                if (!teams.TryGetValue(repository, out var team))
                {
                    teams[repository] = team = runs.Owners.GetValueOrDefault(strings[repository]);
                }

                if (team is null)
                {
                    continue;
                }

                var run = (sources[row], repository, runIds[row]);
                if (!runWorkflows.TryGetValue(run, out var workflow))
                {
                    runWorkflows[run] = workflow = workflows.GetValueOrDefault((strings[run.Item1], strings[repository], strings[run.Item3]), "unknown");
                }

                var code = 0;
                if (withNameKeys && !nameKeys.TryGetValue((sources[row], repository, runIds[row], names[row]), out code))
                {
                    nameKeys[(sources[row], repository, runIds[row], names[row])] = code = nameKeys.Count;
                }

                owned.Add(new OwnedJob(
                    team,
                    strings[sources[row]],
                    strings[repository],
                    strings[runIds[row]],
                    strings[jobIds[row]],
                    attempts[row],
                    conclusions[row] == StringTable.Null ? null : (RunConclusion)conclusions[row],
                    batch.IsNull(StartedAtColumn, row) ? null : new DateTimeOffset(startedAt[row], TimeSpan.Zero),
                    batch.IsNull(FinishedAtColumn, row) ? null : new DateTimeOffset(finishedAt[row], TimeSpan.Zero),
                    workflow,
                    code,
                    priced ? PriceOf(labels[row]) : 0m));
            }
        }

        return owned;

        decimal PriceOf(int labelsCode)
        {
            if (!prices.TryGetValue(labelsCode, out var price))
            {
                prices[labelsCode] = price = request.RunnerPrices.PriceOf(lists![labelsCode]).PerMinute;
            }

            return price;
        }
    }

    /// <summary>By time started, then repository and job (ordinal), then source: the order jobs are summed in.</summary>
    private static int CompareJobs(OwnedJob a, OwnedJob b)
    {
        var order = Nullable.Compare(a.StartedAt, b.StartedAt);
        order = order != 0 ? order : string.CompareOrdinal(a.Repository, b.Repository);
        order = order != 0 ? order : string.CompareOrdinal(a.JobId, b.JobId);
        return order != 0 ? order : string.CompareOrdinal(a.Source, b.Source);
    }

    /// <summary>
    /// One series per group of jobs (<paramref name="key"/> gives its labels), whose point in each window of the group's
    /// team is <paramref name="measure"/> summed over the jobs started in it; observations are the jobs.
    /// <paramref name="key"/> must depend only on a job's team, repository, workflow and waste: it is asked once for each.
    /// </summary>
    public static IReadOnlyList<Series.Series> Sum(
        ISignal signal,
        SignalRequest request,
        IEnumerable<JobUsage> jobs,
        Func<JobUsage, Labels> key,
        Func<JobUsage, double> measure)
    {
        var teams = request.Teams.ToDictionary(t => t.Id);
        var groups = new Dictionary<Labels, WindowedValues>();

        // Labels are built once per kind of job rather than once per job: building them sorts and checks them.
        var byKind = new Dictionary<(string Team, string Repository, string Workflow, string? Waste), WindowedValues>();
        foreach (var job in jobs)
        {
            var kind = (job.Team, job.Repository, job.Workflow, job.Waste);
            if (!byKind.TryGetValue(kind, out var values))
            {
                var labels = key(job);
                if (!groups.TryGetValue(labels, out values))
                {
                    groups[labels] = values = WindowedValues.ForTeam(request, teams[job.Team]);
                }

                byKind[kind] = values;
            }

            values.Add(job.StartedAt, measure(job));
        }

        return groups
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => g.Value.ToSeries(signal.Name, g.Key, signal.Unit, values => values.Sum()))
            .ToList();
    }

    /// <summary>The (repository, run key, attempt) of run attempts that failed only because of flaky tests.</summary>
    private static async Task<HashSet<(string Repository, string Run, int Attempt)>> FlakyAttemptsAsync(
        SignalRequest request, CancellationToken cancellationToken)
    {
        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, cancellationToken);
        return timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Repository, e.Run, e.Attempt)).ToHashSet();
    }

    /// <summary>An owned job as read, before the finished ones are measured.</summary>
    /// <param name="Team">The team owning the repository.</param>
    /// <param name="Source">The system it came from.</param>
    /// <param name="Repository">The repository's full name, as stored.</param>
    /// <param name="RunId">The run it belongs to.</param>
    /// <param name="JobId">Its id, unique per attempt.</param>
    /// <param name="Attempt">The run attempt it belongs to.</param>
    /// <param name="Conclusion">How it ended, once completed.</param>
    /// <param name="StartedAt">When a runner picked it up.</param>
    /// <param name="FinishedAt">When it finished.</param>
    /// <param name="Workflow">The workflow of its run (<c>unknown</c> when the store has no such run).</param>
    /// <param name="NameKey">Equal for the jobs of one name in the attempts of one run (a dense code within one read); 0 when waste is not classified.</param>
    /// <param name="PerMinute">Its runner's price per minute; 0 when not priced.</param>
    private readonly record struct OwnedJob(
        Team Team,
        string Source,
        string Repository,
        string RunId,
        string JobId,
        int Attempt,
        RunConclusion? Conclusion,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        string Workflow,
        int NameKey,
        decimal PerMinute);
}
