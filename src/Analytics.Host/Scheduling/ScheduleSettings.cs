namespace Analytics.Host.Scheduling;

/// <summary>
/// One entry of the <c>Schedules</c> list, as written in the settings. Checked by <see cref="JobDefinitions.Parse"/>,
/// which reports every problem with its key (<c>Schedules:2:Cron</c>).
/// </summary>
internal sealed class ScheduleSettings
{
    /// <summary>The job's unique name: lower-case letters, digits and '-', such as <c>collect-github</c>.</summary>
    public string? Name { get; set; }

    /// <summary>What it runs: <c>collect</c>, <c>evaluate</c>, <c>report-weekly</c>, <c>report-quarterly</c> or <c>deliver</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>For <c>collect</c>: the source (<c>github</c>, <c>jira</c>, <c>pagerduty</c>, <c>git</c>).</summary>
    public string? Source { get; set; }

    /// <summary>A Quartz cron expression with seconds: <c>sec min hour day-of-month month day-of-week [year]</c>.</summary>
    public string? Cron { get; set; }

    /// <summary>The IANA time zone the cron expression is read in (default <c>UTC</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Retries after a failed run (default 3); 0 fails at once.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The delay before the first retry (default 1 minute); retry n waits <c>RetryDelay·2^(n-1)</c>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the cron schedule is active (default true); a disabled job can still be triggered by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More command-line arguments for the command the job runs (the paths of <c>collect git</c>, <c>--rules</c>…).</summary>
    public List<string> Arguments { get; set; } = [];
}
