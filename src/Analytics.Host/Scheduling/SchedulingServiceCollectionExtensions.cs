using Analytics.Host.Configuration;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>Registers the scheduler: Quartz in embedded or clustered mode, the jobs, the history and the dashboard.</summary>
internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds Quartz (in-memory store when embedded; the ADO job store in the PostgreSQL store database, clustered, when
    /// <c>Scheduler:Mode</c> is <c>clustered</c>), <see cref="AnalyticsJob"/>, <see cref="JobHistory"/>,
    /// <see cref="IJobDashboard"/>, and the hosted services that store the schedules and start the scheduler.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">The settings (sections <c>Scheduler</c>, <c>Schedules</c>).</param>
    /// <param name="jobs">The checked schedules.</param>
    /// <param name="store">Where the store is; clustered mode needs PostgreSQL.</param>
    /// <param name="node">This node's name.</param>
    /// <param name="time">The clock.</param>
    /// <exception cref="Cli.UserErrorException">Clustered mode on a SQLite store.</exception>
    public static IServiceCollection AddAnalyticsScheduler(
        this IServiceCollection services,
        AnalyticsSettings settings,
        IReadOnlyList<JobDefinition> jobs,
        StoreLocation store,
        ServerNode node,
        TimeProvider time)
    {
        var scheduler = settings.Scheduler;
        var clustered = string.Equals(scheduler.Mode, "clustered", StringComparison.OrdinalIgnoreCase);
        if (clustered && store.Kind != StoreKind.Postgres)
        {
            throw new Cli.UserErrorException($"Scheduler:Mode: 'clustered' keeps Quartz's job store in the store database, which must be PostgreSQL; the store is {store.Description}");
        }

        services.AddSingleton(scheduler);
        services.AddSingleton(node);
        services.AddSingleton(new JobCatalog(jobs));
        services.AddSingleton<JobHistory>();
        services.AddSingleton<IJobDashboard, JobDashboard>();
        services.AddTransient<AnalyticsJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "analytics";
                o.InstanceId = node.Name;
                o.IdleWaitTime = scheduler.IdleWaitTime;
                // A shutdown cancels running jobs' tokens (they stop cleanly), then waits for them.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(scheduler.MaxConcurrency);
            q.UseTimeProvider(time);
            if (clustered)
            {
                q.UsePersistentStore(p =>
                {
                    p.UsePostgres(store.Target);
                    p.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduler.CheckinInterval;
                        c.CheckinMisfireThreshold = scheduler.CheckinMisfireThreshold;
                    });
                    // Creates Quartz's tables when missing; safe with several nodes starting at once.
                    p.ProvisionSchema();
                    p.ConfigureStore(o =>
                    {
                        o.TablePrefix = scheduler.TablePrefix;
                        o.MisfireThreshold = scheduler.MisfireThreshold;
                        // A job stopped by a shutdown is handed to another node, as after a crash.
                        o.RecoverFiringsCancelledByShutdown = true;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore(o => o.MisfireThreshold = scheduler.MisfireThreshold);
            }
        });

        // Registered before Quartz's hosted service, so the schedules are stored before the scheduler starts.
        services.AddHostedService<ScheduleSynchroniser>();
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = scheduler.Enabled;
        });
        return services;
    }
}
