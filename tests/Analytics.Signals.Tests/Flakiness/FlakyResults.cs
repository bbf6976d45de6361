using Analytics.Domain.Ci;
using Analytics.Domain.Testing;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>Small builders of test results and run attempts in acme/api, from <see cref="SignalFixture.Monday"/> on.</summary>
internal static class FlakyResults
{
    public const string Repository = "acme/api";

    public static readonly DateTimeOffset Monday = SignalFixture.Monday;

    /// <summary>One execution.</summary>
    public static TestResult Result(
        string test, string run, int attempt, int execution, string sha, TestOutcome outcome, DateTimeOffset at,
        string branch = "main", string job = "test", double seconds = 1) =>
        new("github", Repository, test, run, attempt, job, execution, sha, branch, outcome, TimeSpan.FromSeconds(seconds), at, null);

    /// <summary>
    /// <paramref name="count"/> passing runs of <paramref name="test"/>, each on its own commit, hourly from
    /// <paramref name="from"/> (runs <c>{prefix}0</c>, <c>{prefix}1</c>…).
    /// </summary>
    public static IEnumerable<TestResult> Passing(string test, int count, DateTimeOffset from, string prefix = "pass", string branch = "main") =>
        Enumerable.Range(0, count).Select(i => Result(test, $"{prefix}{i}", 1, 0, $"{prefix}-sha{i}", TestOutcome.Passed, from.AddHours(i), branch));

    /// <summary>A completed run attempt of <c>ci</c> that took <paramref name="minutes"/>.</summary>
    public static WorkflowRun Run(string run, int attempt, DateTimeOffset queued, double minutes, RunConclusion conclusion) =>
        new("github", Repository, run, attempt, "ci", "push", "main", "sha", RunStatus.Completed, conclusion,
            queued, queued.AddMinutes(1), queued.AddMinutes(1 + minutes), null);
}
