using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Storage;
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

    /// <summary>Every started and finished job of an owned repository queued in the request's windows (or the day before).</summary>
    /// <param name="request">The request.</param>
    /// <param name="classifyWaste">Whether to decide waste (which reads test results for flakiness).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<IReadOnlyList<JobUsage>> ReadAsync(SignalRequest request, bool classifyWaste, CancellationToken cancellationToken)
    {
        // Jobs queued up to a day before a window can start in it; runs are queued before their jobs, and the CI signals'
        // shared read of the runs reaches a week beyond the windows (CiRuns.Margin), so it names every job's workflow.
        var span = RequestSpan.Of(request);
        var runs = await CiRuns.ReadAsync(request, cancellationToken);
        var workflows = new Dictionary<(string Source, string Repository, string RunId), string>();
        foreach (var (_, run) in runs.Runs)
        {
            workflows.TryAdd((run.Source, run.Repository, run.RunId), run.Workflow);
        }

        var query = StoreQuery.All
            .WhereIn("repository", runs.Repositories)
            .Since("queued_at", span.Start.AddDays(-1))
            .Before("queued_at", span.End);
        var owned = new List<(Team Team, CiJob Job)>();
        await foreach (var job in request.Store.ReadAsync(Entities.CiJobs, query, cancellationToken))
        {
            if (runs.Owners.TryGetValue(job.Repository, out var team))
            {
                owned.Add((team, job));
            }
        }

        // A job is re-run when a later attempt of its run has a job of the same name (unfinished jobs count too).
        var lastAttempts = new Dictionary<(string Source, string Repository, string RunId, string Name), int>();
        var flakyAttempts = new HashSet<(string Repository, string Run, int Attempt)>();
        if (classifyWaste)
        {
            foreach (var (_, job) in owned)
            {
                var key = (job.Source, job.Repository, job.RunId, job.Name);
                lastAttempts[key] = Math.Max(job.Attempt, lastAttempts.GetValueOrDefault(key));
            }

            flakyAttempts = await FlakyAttemptsAsync(request, cancellationToken);
        }

        var jobs = owned.Where(o => o.Job.StartedAt is not null && o.Job.FinishedAt is not null).ToList();
        jobs.Sort(static (a, b) => CompareJobs(a.Job, b.Job));
        var prices = new Dictionary<ValueList<string>, decimal>();
        var usage = new List<JobUsage>(jobs.Count);
        foreach (var (team, job) in jobs)
        {
            var minutes = BillableMinutes(job.FinishedAt!.Value - job.StartedAt!.Value);
            if (!prices.TryGetValue(job.RunnerLabels, out var price))
            {
                prices[job.RunnerLabels] = price = request.RunnerPrices.PriceOf(job.RunnerLabels).PerMinute;
            }

            string? waste = null;
            if (classifyWaste)
            {
                var failed = job.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut;
                var rerun = lastAttempts[(job.Source, job.Repository, job.RunId, job.Name)] > job.Attempt;
                waste = !(failed || rerun) ? null
                    : flakyAttempts.Contains((job.Repository, TestHistory.RunKeyOf(job.Source, job.RunId), job.Attempt)) ? Flaky
                    : failed ? Failed
                    : Rerun;
            }

            usage.Add(new JobUsage(
                team.Id,
                job.Repository,
                workflows.GetValueOrDefault((job.Source, job.Repository, job.RunId), "unknown"),
                job.StartedAt!.Value,
                minutes,
                minutes * price,
                waste));
        }

        return usage;
    }

    /// <summary>By time started, then repository and job (ordinal), then source: the order jobs are summed in.</summary>
    private static int CompareJobs(CiJob a, CiJob b)
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
        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, withImpact: true, cancellationToken);
        return timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Repository, e.Run, e.Attempt)).ToHashSet();
    }
}
