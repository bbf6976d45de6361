using Analytics.Domain.Ci;
using Analytics.Domain.Testing;

namespace Analytics.Storage.Schema;

public static partial class Entities
{
    /// <summary>CI workflow-run attempts.</summary>
    public static EntityMap<WorkflowRun> WorkflowRuns { get; } =
        new EntityMapBuilder<WorkflowRun>("workflow-runs", "workflow_runs", "CI workflow runs, one record per attempt (re-runs included).")
            .Key("source", r => r.Source, SourceText)
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("run_id", r => r.RunId, "The run's id in the source.")
            .KeyInt("attempt", r => r.Attempt, "The attempt number, 1 for the first.")
            .Text("workflow", r => r.Workflow, "The workflow's name.")
            .Text("event", r => r.Event, "What triggered it (`push`, `pull_request`…).")
            .OptionalText("branch", r => r.Branch, "The branch it ran on.")
            .Text("head_sha", r => r.HeadSha, "The commit it ran on.")
            .Enum("status", r => r.Status, "Where it is in its life.")
            .OptionalEnum("conclusion", r => r.Conclusion, "How it ended, once completed.")
            .Instant("queued_at", r => r.QueuedAt, "When it was queued.")
            .OptionalInstant("started_at", r => r.StartedAt, "When this attempt started.")
            .OptionalInstant("finished_at", r => r.FinishedAt, "When it finished.")
            .OptionalText("url", r => r.Url, "Where a person can open it.")
            .Build(r => new WorkflowRun(
                r.Text("source"), r.Text("repository"), r.Text("run_id"), r.Int("attempt"), r.Text("workflow"),
                r.Text("event"), r.TextOrNull("branch"), r.Text("head_sha"), r.Enum<RunStatus>("status"),
                r.EnumOrNull<RunConclusion>("conclusion"), r.Instant("queued_at"), r.InstantOrNull("started_at"),
                r.InstantOrNull("finished_at"), r.TextOrNull("url")));

    /// <summary>CI jobs.</summary>
    public static EntityMap<CiJob> CiJobs { get; } =
        new EntityMapBuilder<CiJob>("ci-jobs", "ci_jobs", "Jobs of CI run attempts.")
            .Key("source", r => r.Source, SourceText)
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("job_id", r => r.JobId, "Its id, unique per attempt.")
            .Text("run_id", r => r.RunId, "The run it belongs to.")
            .Int("attempt", r => r.Attempt, "The run attempt it belongs to.")
            .Text("name", r => r.Name, "Its name.")
            .Enum("status", r => r.Status, "Where it is in its life.")
            .OptionalEnum("conclusion", r => r.Conclusion, "How it ended, once completed.")
            .Instant("queued_at", r => r.QueuedAt, "When it was queued.")
            .OptionalInstant("started_at", r => r.StartedAt, "When a runner picked it up.")
            .OptionalInstant("finished_at", r => r.FinishedAt, "When it finished.")
            .OptionalText("runner_name", r => r.RunnerName, "The runner that ran it.")
            .List("runner_labels", r => r.RunnerLabels, "The labels it asked a runner for.")
            .Build(r => new CiJob(
                r.Text("source"), r.Text("repository"), r.Text("run_id"), r.Int("attempt"), r.Text("job_id"),
                r.Text("name"), r.Enum<RunStatus>("status"), r.EnumOrNull<RunConclusion>("conclusion"),
                r.Instant("queued_at"), r.InstantOrNull("started_at"), r.InstantOrNull("finished_at"),
                r.TextOrNull("runner_name"), r.List("runner_labels")));

    /// <summary>CI steps.</summary>
    public static EntityMap<CiStep> CiSteps { get; } =
        new EntityMapBuilder<CiStep>("ci-steps", "ci_steps", "Steps of CI jobs.")
            .Key("source", r => r.Source, SourceText)
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("job_id", r => r.JobId, "The job it belongs to.")
            .KeyInt("number", r => r.Number, "Its position in the job, from 1.")
            .Text("name", r => r.Name, "Its name.")
            .Enum("status", r => r.Status, "Where it is in its life.")
            .OptionalEnum("conclusion", r => r.Conclusion, "How it ended, once completed.")
            .OptionalInstant("started_at", r => r.StartedAt, "When it started.")
            .OptionalInstant("finished_at", r => r.FinishedAt, "When it finished.")
            .Build(r => new CiStep(
                r.Text("source"), r.Text("repository"), r.Text("job_id"), r.Int("number"), r.Text("name"),
                r.Enum<RunStatus>("status"), r.EnumOrNull<RunConclusion>("conclusion"), r.InstantOrNull("started_at"),
                r.InstantOrNull("finished_at")));

    /// <summary>Test cases.</summary>
    public static EntityMap<TestCase> TestCases { get; } =
        new EntityMapBuilder<TestCase>("test-cases", "test_cases", "Tests as known across runs.")
            .Text("source", r => r.Source, "The system that brought it last.")
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("test_id", r => r.TestId, "Its stable id: `ClassName::Name`, or `Suite::Name` without a class.")
            .Text("suite", r => r.Suite, "The suite that holds it.")
            .OptionalText("class_name", r => r.ClassName, "Its class.")
            .Text("name", r => r.Name, "Its name.")
            .OptionalText("file", r => r.File, "Its source file.")
            .Build(r => new TestCase(
                r.Text("source"), r.Text("repository"), r.Text("test_id"), r.Text("suite"), r.TextOrNull("class_name"),
                r.Text("name"), r.TextOrNull("file")));

    /// <summary>Test results.</summary>
    public static EntityMap<TestResult> TestResults { get; } =
        new EntityMapBuilder<TestResult>("test-results", "test_results", "Executions of tests in CI jobs; retries inside a run are separate results.")
            .Key("source", r => r.Source, SourceText)
            .Key("repository", r => r.Repository, "The repository's full name.")
            .Key("run_id", r => r.RunId, "The CI run.")
            .KeyInt("attempt", r => r.Attempt, "The run attempt, from 1.")
            .Key("job", r => r.Job, "The job name.")
            .Key("test_id", r => r.TestId, "The test's `test_id`.")
            .KeyInt("execution", r => r.Execution, "0 for the first execution in the job, 1 for the first retry…")
            .Text("commit_sha", r => r.CommitSha, "The commit under test.")
            .OptionalText("branch", r => r.Branch, "The branch.")
            .Enum("outcome", r => r.Outcome, "How it ended.")
            .Duration("duration_seconds", r => r.Duration, "How long it ran, in seconds.")
            .Instant("started_at", r => r.StartedAt, "When it ran.")
            .OptionalText("message", r => r.Message, "The failure message's first line.")
            .Build(r => new TestResult(
                r.Text("source"), r.Text("repository"), r.Text("test_id"), r.Text("run_id"), r.Int("attempt"),
                r.Text("job"), r.Int("execution"), r.Text("commit_sha"), r.TextOrNull("branch"),
                r.Enum<TestOutcome>("outcome"), r.Duration("duration_seconds"), r.Instant("started_at"),
                r.TextOrNull("message")));
}
