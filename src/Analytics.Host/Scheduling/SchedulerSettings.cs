using System.ComponentModel.DataAnnotations;

namespace Analytics.Host.Scheduling;

/// <summary>The <c>Scheduler</c> section: how <c>analytics serve</c> runs the <c>Schedules</c> (see <c>docs/scheduling.md</c>).</summary>
internal sealed class SchedulerSettings
{
    /// <summary>
    /// <c>embedded</c> (default: jobs kept in memory, one process) or <c>clustered</c> (Quartz's job store in the
    /// PostgreSQL store database, shared by every node; requires a PostgreSQL <c>Store:Location</c>).
    /// </summary>
    [RegularExpression("(?i)^(embedded|clustered)$", ErrorMessage = "must be 'embedded' or 'clustered'")]
    public string Mode { get; set; } = "embedded";

    /// <summary>Whether this process runs jobs at all (default true); false serves the web UI only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs this process runs at once (default 2); each job still runs at most once at a time.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How late a cron firing may be and still run as scheduled; later ones are misfires (default 1 minute).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an idle node waits before it looks for work scheduled by another node (default 30 seconds).</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Clustered: how often a node records that it is alive (default 7.5 seconds).</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// Clustered: how long past its check-in a node is declared dead and its running jobs recovered by another node
    /// (default 7.5 seconds; fail-over takes about the interval plus this).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Runs kept in the job history per job (default 50); older ones are deleted.</summary>
    [Range(1, 100_000)]
    public int HistoryPerJob { get; set; } = 50;

    /// <summary>Clustered: the prefix of Quartz's tables in the store database (default <c>qrtz_</c>).</summary>
    [RegularExpression("^[a-z][a-z0-9_]{0,20}$", ErrorMessage = "must be lower-case letters, digits and '_', starting with a letter")]
    public string TablePrefix { get; set; } = "qrtz_";
}
