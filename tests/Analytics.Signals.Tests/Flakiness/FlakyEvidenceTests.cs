using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using static Analytics.Signals.Tests.Flakiness.FlakyResults;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// Pass-and-fail evidence on the same commit (signal-science.md §2.1: Google, Trunk, BuildPulse, FlaPy). Every scenario
/// has 9 passing runs on their own commits plus the runs under test, analysed as of Monday + 14 days (a 14-day window).
/// </summary>
public sealed class FlakyEvidenceTests
{
    private static readonly DateTimeOffset AsOf = Monday.AddDays(14);

    [Fact]
    public async Task AnalyseAsync_FailThenPassOnRetryInOneRun_IsRetryEvidence()
    {
        // Run r1, attempt 1, job "test": execution 0 failed, execution 1 (the retry) passed on commit c1.
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12)),
            Result("T", "r1", 1, 1, "c1", TestOutcome.Passed, Monday.AddDays(12).AddSeconds(2)));

        health.Evidence.Should().Be(new FlakyEvidence(1, 0, 0));
        health.State.Should().Be(TestState.Flaky);
        health.Since.Should().Be(Monday.AddDays(12).AddSeconds(2)); // the execution that completed the pair
        // 10 runs (9 + r1) on 10 commits; 11 executions, 1 failure.
        (health.Runs, health.Commits, health.Executions, health.Failures).Should().Be((10, 10, 11, 1));
    }

    [Fact]
    public async Task AnalyseAsync_FailThenPassOnRerunAttempt_IsRerunEvidence()
    {
        // Run r1 failed on attempt 1 and passed when re-run (attempt 2), same commit: 11 run attempts.
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Error, Monday.AddDays(12)),
            Result("T", "r1", 2, 0, "c1", TestOutcome.Passed, Monday.AddDays(12).AddHours(1)));

        health.Evidence.Should().Be(new FlakyEvidence(0, 1, 0));
        health.State.Should().Be(TestState.Flaky);
        health.Runs.Should().Be(11);
    }

    [Fact]
    public async Task AnalyseAsync_FailAndPassInSeparateRunsOfOneCommit_IsSeparateRunEvidence()
    {
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12)),
            Result("T", "r2", 1, 0, "c1", TestOutcome.Passed, Monday.AddDays(13)));

        health.Evidence.Should().Be(new FlakyEvidence(0, 0, 1));
        health.State.Should().Be(TestState.Flaky);
    }

    [Fact]
    public async Task AnalyseAsync_FailAndPassOnDifferentCommits_IsNoEvidence()
    {
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12)),
            Result("T", "r2", 1, 0, "c2", TestOutcome.Passed, Monday.AddDays(13)));

        health.Evidence.Total.Should().Be(0);
        health.State.Should().Be(TestState.Healthy);
        health.FailureRate.Should().BeApproximately(1.0 / 11, 1e-12); // 1 failure in 11 executions
    }

    [Fact]
    public async Task AnalyseAsync_FailAndPassInDifferentJobsOfOneCommit_IsNoEvidence()
    {
        // A test that fails on one matrix entry and passes on another is platform-dependent, not flaky.
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12), job: "test (windows)"),
            Result("T", "r1", 1, 0, "c1", TestOutcome.Passed, Monday.AddDays(12), job: "test (linux)"));

        health.Evidence.Total.Should().Be(0);
        health.State.Should().Be(TestState.Healthy);
    }

    [Fact]
    public async Task AnalyseAsync_SkippedWithFailure_IsNoEvidenceAndSkipsAreNotCounted()
    {
        // Skipped is neither pass nor fail (FlaPy): a skip and a fail on c1 are no evidence, and the skip-only run r2
        // is not a run: 9 + r1 = 10 runs, 10 executions.
        var health = await AnalyseAsync(
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12)),
            Result("T", "r1", 1, 1, "c1", TestOutcome.Skipped, Monday.AddDays(12).AddSeconds(1)),
            Result("T", "r2", 1, 0, "c1", TestOutcome.Skipped, Monday.AddDays(13)));

        health.Evidence.Total.Should().Be(0);
        (health.Runs, health.Executions).Should().Be((10, 10));
    }

    [Fact]
    public async Task AnalyseAsync_EvidenceWithFewerRunsThanMinimum_GivesNoVerdict()
    {
        // 8 passing runs + r1 = 9 runs < the minimum of 10 (Trunk): no verdict, though the evidence is counted.
        var records = Passing("T", 8, Monday.AddDays(1)).Concat(
        [
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(12)),
            Result("T", "r1", 1, 1, "c1", TestOutcome.Passed, Monday.AddDays(12).AddSeconds(2)),
        ]);
        await using var fixture = await SignalFixture.CreateAsync([.. records]);

        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, AsOf), default);

        var health = report.Tests.Single();
        health.Runs.Should().Be(9);
        health.State.Should().Be(TestState.NotEnoughRuns);
        health.Since.Should().BeNull();
        health.Evidence.Total.Should().Be(1);
    }

    [Fact]
    public async Task AnalyseAsync_ResultsOutsideTheWindow_AreLeftOut()
    {
        // Evidence 15 days before AsOf is outside the 14-day window; so are results at AsOf itself (excluded end).
        var health = await AnalyseAsync(
            Result("T", "old", 1, 0, "c0", TestOutcome.Failed, AsOf.AddDays(-15)),
            Result("T", "old", 1, 1, "c0", TestOutcome.Passed, AsOf.AddDays(-15).AddSeconds(1)),
            Result("T", "now", 1, 0, "c9", TestOutcome.Failed, AsOf));

        (health.Runs, health.Evidence.Total, health.Failures).Should().Be((9, 0, 0));
    }

    private static async Task<TestHealth> AnalyseAsync(params TestResult[] underTest)
    {
        await using var fixture = await SignalFixture.CreateAsync([.. Passing("T", 9, Monday.AddDays(1)), .. underTest]);
        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, AsOf), default);
        return report.Tests.Should().ContainSingle().Subject;
    }
}
