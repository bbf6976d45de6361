using Analytics.Domain.Ci;
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
        // Jobs queued up to a day before a window can start in it; runs are queued before their jobs.
        var span = RequestSpan.Of(request);
        var from = span.Start.AddDays(-1);
        var to = span.End;
        var workflows = new Dictionary<(string Source, string Repository, string RunId), string>();
        await foreach (var run in request.Store.ReadAsync(Entities.WorkflowRuns, StoreQuery.All.Since("queued_at", from.AddDays(-1)).Before("queued_at", to), cancellationToken))
        {
            workflows.TryAdd((run.Source, run.Repository, run.RunId), run.Workflow);
        }

        var jobs = new List<CiJob>();
        await foreach (var job in request.Store.ReadAsync(Entities.CiJobs, StoreQuery.All.Since("queued_at", from).Before("queued_at", to), cancellationToken))
        {
            if (request.OwnerOf(job.Repository) is not null)
            {
                jobs.Add(job);
            }
        }

        // A job is re-run when a later attempt of its run has a job of the same name.
        var attemptsByName = jobs
            .GroupBy(j => (j.Source, j.Repository, j.RunId, j.Name))
            .ToDictionary(g => g.Key, g => g.Max(j => j.Attempt));
        var flakyAttempts = classifyWaste ? await FlakyAttemptsAsync(request, cancellationToken) : [];

        return jobs
            .Where(j => j.StartedAt is not null && j.FinishedAt is not null)
            .OrderBy(j => j.StartedAt)
            .ThenBy(j => j.Repository, StringComparer.Ordinal)
            .ThenBy(j => j.JobId, StringComparer.Ordinal)
            .Select(job =>
            {
                var minutes = BillableMinutes(job.FinishedAt!.Value - job.StartedAt!.Value);
                var (_, price) = request.RunnerPrices.PriceOf(job.RunnerLabels);
                var failed = job.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut;
                var rerun = attemptsByName[(job.Source, job.Repository, job.RunId, job.Name)] > job.Attempt;
                string? waste = !classifyWaste || !(failed || rerun) ? null
                    : flakyAttempts.Contains((job.Repository, TestHistory.RunKeyOf(job.Source, job.RunId), job.Attempt)) ? Flaky
                    : failed ? Failed
                    : Rerun;
                return new JobUsage(
                    request.OwnerOf(job.Repository)!.Id,
                    job.Repository,
                    workflows.GetValueOrDefault((job.Source, job.Repository, job.RunId), "unknown"),
                    job.StartedAt!.Value,
                    minutes,
                    minutes * price,
                    waste);
            })
            .ToList();
    }

    /// <summary>
    /// One series per group of jobs (<paramref name="key"/> gives its labels), whose point in each window of the group's
    /// team is <paramref name="measure"/> summed over the jobs started in it; observations are the jobs.
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
        foreach (var job in jobs)
        {
            var labels = key(job);
            if (!groups.TryGetValue(labels, out var values))
            {
                groups[labels] = values = WindowedValues.ForTeam(request, teams[job.Team]);
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
