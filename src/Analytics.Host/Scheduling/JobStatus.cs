namespace Analytics.Host.Scheduling;

/// <summary>A scheduled job as the dashboard lists it.</summary>
/// <param name="Name">Its configured name, such as <c>collect-github</c>.</param>
/// <param name="Description">What it does, in words.</param>
/// <param name="Cron">Its cron expression.</param>
/// <param name="TimeZone">The IANA time zone the cron expression is read in.</param>
/// <param name="NextRunAt">When it runs next; null when paused or finished.</param>
/// <param name="LastRun">Its latest run (running or finished); null when it never ran.</param>
/// <param name="IsRunning">Whether an instance is running now, on any node.</param>
internal sealed record JobStatus(
    string Name,
    string Description,
    string Cron,
    string TimeZone,
    DateTimeOffset? NextRunAt,
    JobRun? LastRun,
    bool IsRunning);
