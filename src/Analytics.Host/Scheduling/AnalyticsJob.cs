using System.Globalization;
using Analytics.Domain.Jobs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>
/// The Quartz job behind every schedule: records the attempt in the history, runs the job's command, and on failure
/// either schedules a one-shot retry trigger after a growing delay or, with no retries left, ends in the failed state.
/// At most one instance of a job runs at a time, cluster-wide.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AnalyticsJob(
    JobCatalog catalog,
    JobHistory history,
    JobCommandRunner runner,
    ServerNode node,
    TimeProvider time,
    ILogger<AnalyticsJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.JobDetail.Key.Name;
        if (catalog.Find(name) is not { } job)
        {
            // Another node's configuration has a job this one lacks: it cannot run it, and says so.
            SchedulerLog.Unknown(logger, name);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        var attempt = AttemptOf(context.MergedJobDataMap);
        var startedAt = time.GetUtcNow();
        // At most one run of a job at a time: a run still shown as running lost its node.
        await history.AbandonRunningAsync(name, node.Name, startedAt, stop.Token);
        var run = new JobAttempt(Guid.NewGuid().ToString("N"), name, attempt, node.Name, startedAt, null, JobAttemptOutcome.Running, null, null);
        await history.SaveAsync(run, stop.Token);
        SchedulerLog.Started(logger, name, attempt, node.Name, run.RunId, context.Recovering ? ", recovering" : "");

        string? error;
        try
        {
            error = await runner.RunAsync(job, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            SchedulerLog.Cancelled(logger, name, attempt);
            // Written without the cancelled token: the row must not stay "running". Rethrown so that, clustered,
            // Quartz hands the firing back for another node (RecoverFiringsCancelledByShutdown).
            await history.SaveAsync(run with { FinishedAt = time.GetUtcNow(), Outcome = JobAttemptOutcome.Abandoned, Error = $"cancelled: node {node.Name} shut down before the run ended" }, CancellationToken.None);
            throw;
        }

        var finishedAt = time.GetUtcNow();
        if (error is null)
        {
            await history.SaveAsync(run with { FinishedAt = finishedAt, Outcome = JobAttemptOutcome.Succeeded }, CancellationToken.None);
            SchedulerLog.Succeeded(logger, name, attempt, finishedAt - startedAt);
            return;
        }

        if (attempt <= job.Retries)
        {
            var retryAt = finishedAt + job.DelayBeforeRetry(attempt);
            var retry = TriggerBuilder.Create(time)
                .WithIdentity($"{name}-{run.RunId}", JobCatalog.RetryGroup)
                .ForJob(JobCatalog.KeyOf(name))
                .UsingJobData(JobCatalog.AttemptData(attempt + 1))
                .StartAt(retryAt)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions(), CancellationToken.None);
            await history.SaveAsync(run with { FinishedAt = finishedAt, Outcome = JobAttemptOutcome.FailedWillRetry, Error = error, NextRetryAt = retryAt }, CancellationToken.None);
            SchedulerLog.WillRetry(logger, name, attempt, retryAt, error);
            return;
        }

        await history.SaveAsync(run with { FinishedAt = finishedAt, Outcome = JobAttemptOutcome.Failed, Error = error }, CancellationToken.None);
        SchedulerLog.Failed(logger, name, attempt, error);
    }

    private static int AttemptOf(JobDataMap data) =>
        data.TryGetValue(JobCatalog.AttemptKey, out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
        && attempt >= 1
            ? attempt
            : 1;
}
