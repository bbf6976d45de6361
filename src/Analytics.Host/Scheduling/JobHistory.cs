using Analytics.Domain.Jobs;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Host.Scheduling;

/// <summary>
/// The job history in the store (table <c>job_runs</c>): every attempt with its node, times, outcome and error, shared
/// by all nodes on one store, pruned to the latest <c>Scheduler:HistoryPerJob</c> runs per job.
/// </summary>
internal sealed class JobHistory(IStore store, SchedulerSettings settings)
{
    /// <summary>Records an attempt as written (started, finished, abandoned); then prunes the job's oldest runs.</summary>
    public async Task SaveAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.UpsertAsync(Entities.JobRuns, [attempt], cancellationToken);
        if (attempt.Outcome != JobAttemptOutcome.Running)
        {
            var runs = new List<JobAttempt>();
            await foreach (var run in writer.ReadAsync(Entities.JobRuns, Query(attempt.JobName), cancellationToken))
            {
                runs.Add(run);
            }

            var old = runs.Take(Math.Max(0, runs.Count - settings.HistoryPerJob)).Where(r => r.Outcome != JobAttemptOutcome.Running).ToList();
            if (old.Count > 0)
            {
                await writer.DeleteAsync(Entities.JobRuns, [.. old.Select(r => new object[] { r.RunId })], cancellationToken);
            }
        }

        await writer.CommitAsync(cancellationToken);
    }

    /// <summary>The job's runs, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<JobAttempt>> ReadAsync(string jobName, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var runs = new List<JobAttempt>();
        await foreach (var run in store.ReadAsync(Entities.JobRuns, Query(jobName), cancellationToken))
        {
            runs.Add(run);
        }

        return [.. Enumerable.Reverse(runs).Take(limit)];
    }

    /// <summary>
    /// Marks the job's runs still shown as running as abandoned: called when a new run of the job starts, which at most
    /// one run at a time means only happens after their node stopped (killed, lost, or shut down mid-run).
    /// </summary>
    public async Task AbandonRunningAsync(string jobName, string node, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var run in (await ReadAsync(jobName, int.MaxValue, cancellationToken)).Where(r => r.Outcome == JobAttemptOutcome.Running))
        {
            await SaveAsync(
                run with
                {
                    Outcome = JobAttemptOutcome.Abandoned,
                    FinishedAt = at < run.StartedAt ? run.StartedAt : at,
                    Error = $"node {run.Node} stopped before the run ended; run again on {node}",
                },
                cancellationToken);
        }
    }

    private static StoreQuery Query(string jobName) => StoreQuery.All.Where("job", jobName).OrderedBy("started_at");
}
