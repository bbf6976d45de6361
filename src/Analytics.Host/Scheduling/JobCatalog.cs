using Quartz;

namespace Analytics.Host.Scheduling;

/// <summary>This node's configured jobs, by name, and the Quartz keys they are stored under.</summary>
internal sealed class JobCatalog(IReadOnlyList<JobDefinition> jobs)
{
    /// <summary>The Quartz group of every configured job.</summary>
    public const string JobGroup = "analytics";

    /// <summary>The Quartz group of the cron triggers (one per job, named like the job).</summary>
    public const string CronGroup = "analytics-cron";

    /// <summary>The Quartz group of one-shot retry triggers.</summary>
    public const string RetryGroup = "analytics-retry";

    /// <summary>The job-data key holding the attempt number (1 for a scheduled or triggered run).</summary>
    public const string AttemptKey = "attempt";

    /// <summary>The jobs, ordered by name.</summary>
    public IReadOnlyList<JobDefinition> All { get; } = [.. jobs.OrderBy(j => j.Name, StringComparer.Ordinal)];

    /// <summary>The job named <paramref name="name"/>, or null.</summary>
    public JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Name == name);

    /// <summary>The job named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No job has that name.</exception>
    public JobDefinition Get(string name) => Find(name) ?? throw new KeyNotFoundException($"no scheduled job is named '{name}'; see Schedules in the settings");

    /// <summary>The Quartz key of a job.</summary>
    public static JobKey KeyOf(string name) => new(name, JobGroup);

    /// <summary>The job data that starts attempt <paramref name="attempt"/>.</summary>
    public static JobDataMap AttemptData(int attempt) => new() { [AttemptKey] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
