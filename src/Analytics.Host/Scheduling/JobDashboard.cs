using Analytics.Domain.Jobs;
using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>
/// <see cref="IJobDashboard"/> over Quartz (next runs from the triggers, running instances from the fire records,
/// which in clustered mode cover every node) and the job history in the store.
/// </summary>
internal sealed class JobDashboard(ISchedulerFactory factory, JobCatalog catalog, JobHistory history) : IJobDashboard
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var statuses = new List<JobStatus>();
        foreach (var job in catalog.All)
        {
            var key = JobCatalog.KeyOf(job.Name);
            var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = key, Take = PagedQuery.All }, cancellationToken);
            var next = triggers.Items.Where(t => t.State is not (TriggerState.Paused or TriggerState.Complete or TriggerState.Error))
                .Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var running = await scheduler.QueryFireInstances(new FireInstanceQuery { Job = key, State = FireInstanceState.Executing }, cancellationToken);
            var last = await history.ReadAsync(job.Name, 1, cancellationToken);
            statuses.Add(new JobStatus(job.Name, job.Description, job.Cron, job.TimeZone.Id, next, last.Count > 0 ? ToRun(last[0]) : null, running.Items.Count > 0));
        }

        return statuses;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string jobName, int limit, CancellationToken cancellationToken)
    {
        catalog.Get(jobName);
        return [.. (await history.ReadAsync(jobName, Math.Max(1, limit), cancellationToken)).Select(ToRun)];
    }

    /// <inheritdoc />
    public async Task TriggerAsync(string jobName, CancellationToken cancellationToken)
    {
        catalog.Get(jobName);
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(JobCatalog.KeyOf(jobName), JobCatalog.AttemptData(1), cancellationToken);
    }

    private static JobRun ToRun(JobAttempt a) => new(
        a.JobName, a.RunId, a.Attempt, a.Node, a.StartedAt, a.FinishedAt,
        a.Outcome switch
        {
            JobAttemptOutcome.Running => JobRunOutcome.Running,
            JobAttemptOutcome.Succeeded => JobRunOutcome.Succeeded,
            JobAttemptOutcome.FailedWillRetry => JobRunOutcome.FailedWillRetry,
            JobAttemptOutcome.Failed => JobRunOutcome.Failed,
            _ => JobRunOutcome.Abandoned,
        },
        a.Error,
        a.NextRetryAt);
}
