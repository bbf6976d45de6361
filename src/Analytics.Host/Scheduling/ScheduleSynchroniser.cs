using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>
/// Puts the configured jobs and their cron triggers into Quartz's job store before the scheduler starts. A cron
/// trigger is only replaced when its expression or time zone changed, so a node that starts does not reset the
/// schedule (or the misfire state) the other nodes share; jobs no longer configured are deleted.
/// </summary>
internal sealed class ScheduleSynchroniser(
    ISchedulerFactory factory,
    JobCatalog catalog,
    SchedulerSettings settings,
    ServerNode node,
    TimeProvider time,
    ILogger<ScheduleSynchroniser> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in catalog.All)
        {
            var detail = JobBuilder.Create<AnalyticsJob>()
                .WithIdentity(JobCatalog.KeyOf(job.Name))
                .WithDescription(job.Description)
                .StoreDurably(true)
                .RequestRecovery(true)
                .DisallowConcurrentExecution(true)
                .Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);
            var key = new TriggerKey(job.Name, JobCatalog.CronGroup);
            var existing = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
            if (!job.Enabled)
            {
                if (existing is not null)
                {
                    await scheduler.UnscheduleJob(key, cancellationToken);
                }

                continue;
            }

            if (existing is null || existing.CronExpressionString != job.Cron || existing.TimeZone.Id != job.TimeZone.Id)
            {
                var trigger = TriggerBuilder.Create(time)
                    .WithIdentity(key)
                    .ForJob(detail.Key)
                    .UsingJobData(JobCatalog.AttemptData(1))
                    // Misfire policy: a firing missed (all nodes down, or the job still running past the threshold)
                    // runs once as soon as possible, then the schedule proceeds; missed firings are not replayed.
                    .WithSchedule(CronScheduleBuilder.Create(job.Cron).InTimeZone(job.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build();
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
            }
        }

        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobCatalog.JobGroup), Take = PagedQuery.All }, cancellationToken);
        foreach (var header in stored.Items.Where(h => catalog.Find(h.Key.Name) is null))
        {
            await scheduler.DeleteJob(header.Key, cancellationToken);
        }

        SchedulerLog.Scheduled(logger, catalog.All.Count, settings.Mode.ToLowerInvariant(), node.Name);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
