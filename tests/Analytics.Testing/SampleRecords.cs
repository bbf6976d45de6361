using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Domain.Work;

namespace Analytics.Testing;

/// <summary>
/// One fully filled record and one sparse record (every optional field empty) of each entity, for round-trip tests.
/// Instants are whole microseconds, the store's resolution.
/// </summary>
public static class SampleRecords
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 15, 0, 123, TimeSpan.Zero);

    public static DateTimeOffset At(double hours) => T0.AddSeconds(Math.Round(hours * 3600));

    public static IReadOnlyList<object> Full { get; } =
    [
        new Repository("github", "R_1", "acme/api", "main", "https://github.com/acme/api", false, At(-1000)),
        new Identity("github", "alice", "Alice Doe", "alice@example.com", false, "alice"),
        new PullRequest("github", "acme/api#7", "acme/api", 7, "Add retries; \"quoted\", comma", PullRequestState.Merged, false, "alice",
            At(0), At(30), At(29), At(29), "main", "feature/retries", 120, 30, 4, ValueList.Of("bug", "p1"), "abc123"),
        new Review("github", "9001", "acme/api#7", "bob", ReviewState.ChangesRequested, At(2)),
        new ReviewComment("github", "c-1", "acme/api#7", "9001", "bob", At(2), "src/Retry.cs", null),
        new PullRequestCommit("github", "acme/api#7", "def456", "alice", At(-5)),
        new Commit("git", "acme/api", "def456", "Alice Doe", "alice@example.com", At(-5), "Alice Doe", "alice@example.com", At(-4.5), 1, 100, 20, "Add retry policy"),
        new FileChange("git", "acme/api", "def456", "src/Retry Policy.cs", "src/Old.cs", FileChangeKind.Renamed, 10, 2),
        new PullRequestFile("github", "acme/api#7", "acme/api", "src/Retry Policy.cs", "src/Old.cs", FileChangeKind.Renamed, 10, 2),
        new WorkflowRun("github", "acme/api", "555", 2, "ci", "pull_request", "feature/retries", "def456", RunStatus.Completed, RunConclusion.Success, At(1), At(1.1), At(1.5), "https://ci/555"),
        new CiJob("github", "acme/api", "555", 2, "777", "test (ubuntu, 8.0)", RunStatus.Completed, RunConclusion.Failure, At(1), At(1.2), At(1.4), "runner-3", ValueList.Of("ubuntu-latest", "x64")),
        new CiStep("github", "acme/api", "777", 3, "Run tests", RunStatus.Completed, RunConclusion.Failure, At(1.25), At(1.4)),
        new TestCase("junit", "acme/api", "RetryTests::Retries_Twice", "unit", "RetryTests", "Retries_Twice", "tests/RetryTests.cs"),
        new TestResult("junit", "acme/api", "RetryTests::Retries_Twice", "555", 2, "test", 1, "def456", "feature/retries", TestOutcome.Failed, TimeSpan.FromMilliseconds(1234.5), At(1.3), "Expected 2 but was 3"),
        new Deployment("github", "d-1", "acme/api", "production", DeploymentStatus.Success, "abc123", "main", At(31), At(31.2), "api"),
        new Ticket("jira", "PAY-1", "PAY", "Story", "Checkout retries", "Done", StatusCategory.Done, At(-48), At(40), At(40), 3.5, "Sprint 12", "acct-1", "acct-2", "High", "PAY-0", ValueList.Of("backend")),
        new TicketTransition("jira", "PAY-1", "10001", At(10), "In Progress", "Done", StatusCategory.InProgress, StatusCategory.Done, "acct-1"),
        new Incident("pagerduty", "Q1", "Checkout errors", "api", "SEV2", IncidentStatus.Resolved, At(32), At(32.1), At(33), ValueList.Of("PXYZ", "PABC"), "d-1", "https://pd/Q1"),
        new Sprint("jira", "12", "Sprint 12", "PAY board", At(-72), At(264), At(265)),
        new SprintChange("jira", "PAY-1", "10000", "12", At(-60), SprintChangeKind.Added),
    ];

    public static IReadOnlyList<object> Sparse { get; } =
    [
        new Repository("import", "local", "acme/tools", "trunk", null, true, null),
        new Identity("git", "bob@example.com", null, null, true, null),
        new PullRequest("github", "acme/api#8", "acme/api", 8, "Draft", PullRequestState.Open, true, "bob", At(0), At(0), null, null, "main", "wip", 0, 0, 0, ValueList<string>.Empty, null),
        new Review("github", "9002", "acme/api#8", "alice", ReviewState.Commented, At(1)),
        new ReviewComment("github", "c-2", "acme/api#8", null, "alice", At(1), null, "c-1"),
        new PullRequestCommit("github", "acme/api#8", "aaa111", null, At(-1)),
        new Commit("git", "acme/api", "aaa111", "Bob", "bob@example.com", At(-1), "Bob", "bob@example.com", At(-1), 0, 0, 0, ""),
        new FileChange("git", "acme/api", "aaa111", "assets/logo.png", null, FileChangeKind.Added, null, null),
        new PullRequestFile("github", "acme/api#8", "acme/api", "assets/logo.png", null, FileChangeKind.Added, 0, 0),
        new WorkflowRun("github", "acme/api", "556", 1, "ci", "push", null, "aaa111", RunStatus.Queued, null, At(2), null, null, null),
        new CiJob("github", "acme/api", "556", 1, "778", "build", RunStatus.Queued, null, At(2), null, null, null, ValueList<string>.Empty),
        new CiStep("github", "acme/api", "778", 1, "Checkout", RunStatus.Queued, null, null, null),
        new TestCase("junit", "acme/api", "smoke::starts", "smoke", null, "starts", null),
        new TestResult("junit", "acme/api", "smoke::starts", "556", 1, "build", 0, "aaa111", null, TestOutcome.Skipped, TimeSpan.Zero, At(2), null),
        new Deployment("import", "d-2", "acme/api", "staging", DeploymentStatus.InProgress, "aaa111", null, At(3), null, null),
        new Ticket("jira", "PAY-2", "PAY", "Bug", "Crash", "To Do", StatusCategory.ToDo, At(0), At(0), null, null, null, null, null, null, null, ValueList<string>.Empty),
        new TicketTransition("jira", "PAY-2", "10002", At(0), null, "To Do", null, StatusCategory.ToDo, null),
        new Incident("pagerduty", "Q2", "Latency", "api", null, IncidentStatus.Triggered, At(5), null, null, ValueList<string>.Empty, null, null),
        new Sprint("import", "13", "Sprint 13", "PAY board", null, null, null),
        new SprintChange("jira", "PAY-2", "10003", "12", At(1), SprintChangeKind.Removed),
    ];
}
