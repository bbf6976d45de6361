namespace Analytics.Host.Scheduling;

/// <summary>
/// What the dashboard and its JSON API may see and do with the scheduled jobs: list them with their next and last runs,
/// read a job's history, and trigger a job now. The scheduler implements it; the web layer only consumes it.
/// </summary>
internal interface IJobDashboard
{
    /// <summary>Every configured job with its schedule, next run and latest run, ordered by name.</summary>
    Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The most recent runs of one job, newest first; empty when it never ran.</summary>
    /// <exception cref="KeyNotFoundException">No job has that name.</exception>
    Task<IReadOnlyList<JobRun>> HistoryAsync(string jobName, int limit, CancellationToken cancellationToken);

    /// <summary>Asks the scheduler to run the job as soon as possible (still at most one instance at a time).</summary>
    /// <exception cref="KeyNotFoundException">No job has that name.</exception>
    Task TriggerAsync(string jobName, CancellationToken cancellationToken);
}
