using Analytics.Domain.Jobs;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>The scheduler's job history: one row per attempt of a scheduled job, pruned to the latest runs per job.</summary>
    public static EntityMap<JobAttempt> JobRuns { get; } =
        new EntityMapBuilder<JobAttempt>("job-runs", "job_runs", "The scheduler's job history: every attempt of a scheduled job, written by `analytics serve`.")
            .Key("run_id", r => r.RunId, "A unique id of the attempt.")
            .Text("job", r => r.JobName, "The job's configured name (`Schedules:N:Name`).")
            .Int("attempt", r => r.Attempt, "1 for the scheduled or triggered run, 2 and up for its retries.")
            .Text("node", r => r.Node, "The node (`Server:Node`) that ran it.")
            .Instant("started_at", r => r.StartedAt, "When it started.")
            .OptionalInstant("finished_at", r => r.FinishedAt, "When it ended; empty while running.")
            .Enum("outcome", r => r.Outcome, "How it ended.")
            .OptionalText("error", r => r.Error, "The error's message when it failed, with secrets removed.")
            .OptionalInstant("next_retry_at", r => r.NextRetryAt, "When its retry is due, after a failure that will be retried.")
            .Build(r => new JobAttempt(
                r.Text("run_id"), r.Text("job"), r.Int("attempt"), r.Text("node"), r.Instant("started_at"),
                r.InstantOrNull("finished_at"), r.Enum<JobAttemptOutcome>("outcome"), r.TextOrNull("error"),
                r.InstantOrNull("next_retry_at")));
}
