using Microsoft.Extensions.Logging;

namespace Analytics.Host.Scheduling;

/// <summary>The scheduler's log messages, with fixed event ids (never secrets: errors are scrubbed first).</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "job {Job} attempt {Attempt} started on {Node} (run {RunId}{Recovering})")]
    public static partial void Started(ILogger logger, string job, int attempt, string node, string runId, string recovering);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "job {Job} attempt {Attempt} succeeded in {Duration}")]
    public static partial void Succeeded(ILogger logger, string job, int attempt, TimeSpan duration);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "job {Job} attempt {Attempt} failed; retry at {RetryAt:O}: {Error}")]
    public static partial void WillRetry(ILogger logger, string job, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "job {Job} attempt {Attempt} failed, no retries left: {Error}")]
    public static partial void Failed(ILogger logger, string job, int attempt, string error);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "job {Job} attempt {Attempt} stopped: the node is shutting down")]
    public static partial void Cancelled(ILogger logger, string job, int attempt);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "schedules: {Count} job(s) in {Mode} mode on node {Node}")]
    public static partial void Scheduled(ILogger logger, int count, string mode, string node);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Error, Message = "job {Job}: not in this node's Schedules; the firing is skipped")]
    public static partial void Unknown(ILogger logger, string job);
}
