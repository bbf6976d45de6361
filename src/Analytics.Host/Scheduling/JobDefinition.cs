namespace Analytics.Host.Scheduling;

/// <summary>A checked entry of the <c>Schedules</c> settings: one job, its cron schedule and its retry policy.</summary>
/// <param name="Name">Its unique name.</param>
/// <param name="Kind">What it runs.</param>
/// <param name="Source">For <see cref="JobKind.Collect"/>: the source; otherwise null.</param>
/// <param name="Cron">The Quartz cron expression.</param>
/// <param name="TimeZone">The time zone the cron expression is read in.</param>
/// <param name="Retries">Retries after a failed run.</param>
/// <param name="RetryDelay">The delay before the first retry; it doubles with each retry.</param>
/// <param name="Enabled">Whether the cron schedule is active.</param>
/// <param name="Arguments">More arguments for the command.</param>
internal sealed record JobDefinition(
    string Name,
    JobKind Kind,
    string? Source,
    string Cron,
    TimeZoneInfo TimeZone,
    int Retries,
    TimeSpan RetryDelay,
    bool Enabled,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The <c>analytics</c> command line the job runs, without the global options.</summary>
    public IReadOnlyList<string> CommandLine => Kind switch
    {
        JobKind.Collect => ["collect", Source!, .. Arguments],
        JobKind.Evaluate => ["evaluate", .. Arguments],
        JobKind.ReportWeekly => ["report", "weekly", .. Arguments],
        JobKind.ReportQuarterly => ["report", "quarterly", .. Arguments],
        JobKind.Deliver => ["deliver", .. Arguments],
        _ => throw new InvalidOperationException($"unknown job kind {Kind}"),
    };

    /// <summary>What it does, in words: the command it runs.</summary>
    public string Description => "analytics " + string.Join(' ', CommandLine);

    /// <summary>
    /// The delay before retry <paramref name="retry"/> (1 for the first): <see cref="RetryDelay"/>·2^(retry-1), so
    /// the gaps grow (1, 2, 4, 8… times the delay), capped at a day.
    /// </summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ticks = RetryDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 30));
        return ticks >= TimeSpan.FromDays(1).Ticks ? TimeSpan.FromDays(1) : TimeSpan.FromTicks((long)ticks);
    }
}
