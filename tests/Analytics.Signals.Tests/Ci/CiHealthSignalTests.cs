using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Signals.Ci;
using Analytics.Testing.Files;

namespace Analytics.Signals.Tests.Ci;

/// <summary>The CI-health signals on small fixtures: team payments owns acme/api (default branch main), weeks of 2 and 9 November 2026 in UTC.</summary>
public sealed class CiHealthSignalTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;

    private static readonly Repository Api = new("github", "R_api", "acme/api", "main", null, false, null);

    [Fact]
    public async Task QueueDuration_SixAttemptsInAWeek_GivesInterpolatedP50AndP90()
    {
        // Week 1 waits 2, 4, 6, 8, 10 and 30 s (plus an attempt still queued, left out). p50: h = 5 × 0.5 = 2.5 → 6 + 0.5 × 2
        // = 7 s. p90: h = 5 × 0.9 = 4.5 → 10 + 0.5 × 20 = 20 s. Week 2 has four attempts, fewer than five: no value.
        var runs = new[] { 2, 4, 6, 8, 10, 30 }.Select((wait, i) => Run($"w1-{i}", 1, Monday.AddHours(10 + i), RunConclusion.Success, wait: wait))
            .Append(Run("queued", 1, Monday.AddHours(20), null))
            .Concat(Enumerable.Range(0, 4).Select(i => Run($"w2-{i}", 1, Monday.AddDays(8).AddHours(i), RunConclusion.Success, wait: 50)))
            .ToArray<object>();
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiQueueDuration().ComputeAsync(fixture.TwoWeeks(), default);

        series.Should().HaveCount(2);
        var p50 = series.Single(s => s.Labels["quantile"] == "0.5");
        var p90 = series.Single(s => s.Labels["quantile"] == "0.9");
        p50.Labels.ToString().Should().Be("{quantile=\"0.5\", repository=\"acme/api\", team=\"payments\", workflow=\"ci\"}");
        p50.Points.Select(p => p.Value).Should().Equal(7, null);
        p90.Points.Select(p => p.Value).Should().Equal(20, null);
        p90.Points.Select(p => p.Observations).Should().Equal(6, 4);
    }

    [Fact]
    public async Task FailureRate_MainAndOtherBranches_CountFailedOverCompletedNonCancelled()
    {
        // Week 1, main (push): success ×3, failure, cancelled (left out) → 1 / 4 = 0.25.
        // Week 1, other: pull-request runs success, failure, startup failure, one on a head branch named main (a PR
        // from a fork's main is still a PR run), timed out; a push to feature-y, neutral (not a failure), and one
        // skipped (left out) → 3 failed / 5 = 0.6.
        // Week 2, main: one success → 0 / 1. Week 2, other: nothing → no value, 0 observations.
        var runs = new object[]
        {
            Api,
            Run("m1", 1, Monday.AddHours(1), RunConclusion.Success),
            Run("m2", 1, Monday.AddHours(2), RunConclusion.Success),
            Run("m3", 1, Monday.AddHours(3), RunConclusion.Success),
            Run("m4", 1, Monday.AddHours(4), RunConclusion.Failure),
            Run("m5", 1, Monday.AddHours(5), RunConclusion.Cancelled),
            Run("p1", 1, Monday.AddHours(6), RunConclusion.Success, pullRequest: true, branch: "feature-x"),
            Run("p2", 1, Monday.AddHours(7), RunConclusion.Failure, pullRequest: true, branch: "feature-x"),
            Run("p3", 1, Monday.AddHours(8), RunConclusion.StartupFailure, pullRequest: true, branch: "feature-x"),
            Run("p4", 1, Monday.AddHours(9), RunConclusion.TimedOut, pullRequest: true, branch: "main"),
            Run("f1", 1, Monday.AddHours(10), RunConclusion.Neutral, branch: "feature-y"),
            Run("f2", 1, Monday.AddHours(11), RunConclusion.Skipped, branch: "feature-y"),
            Run("m6", 1, Monday.AddDays(8), RunConclusion.Success),
        };
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiFailureRate().ComputeAsync(fixture.TwoWeeks(), default);

        series.Select(s => s.Labels["branch"]).Should().Equal("main", "other");
        series[0].Points.Select(p => p.Value).Should().Equal(0.25, 0.0);
        series[0].Points.Select(p => p.Observations).Should().Equal(4, 1);
        series[1].Points.Select(p => p.Value).Should().Equal(0.6, null);
        series[1].Points.Select(p => p.Observations).Should().Equal(5, 0);
    }

    [Fact]
    public async Task FailureRate_RepositoryNotInTheStore_TakesMainAsDefaultBranch()
    {
        // No Repository record: main is assumed, so the push to main is labelled main.
        await using var fixture = await SignalFixture.CreateAsync(Run("m1", 1, Monday.AddHours(1), RunConclusion.Failure));

        var series = await new CiFailureRate().ComputeAsync(fixture.TwoWeeks(), default);

        series.Should().ContainSingle().Which.Labels["branch"].Should().Be("main");
        series[0].Points[0].Value.Should().Be(1.0);
    }

    [Fact]
    public async Task RerunRate_RunsWithLaterAttempts_CountOncePerRunInTheWindowOfTheirFirstAttempt()
    {
        // Week 1, main: r1 (attempts 1, 2), r2 (1), r6 (1 in week 1, 2 in week 2) → 2 re-run / 3 runs.
        // Week 1, other: r3 (1, 2, 3) and r4 (1), pull-request runs → 1 / 2. Week 2, main: r5 (1) → 0 / 1.
        var runs = new object[]
        {
            Api,
            Run("r1", 1, Monday.AddHours(1), RunConclusion.Failure),
            Run("r1", 2, Monday.AddHours(2), RunConclusion.Success),
            Run("r2", 1, Monday.AddHours(3), RunConclusion.Success),
            Run("r3", 1, Monday.AddHours(4), RunConclusion.Failure, pullRequest: true, branch: "feature-x"),
            Run("r3", 2, Monday.AddHours(5), RunConclusion.Failure, pullRequest: true, branch: "feature-x"),
            Run("r3", 3, Monday.AddHours(6), RunConclusion.Success, pullRequest: true, branch: "feature-x"),
            Run("r4", 1, Monday.AddHours(7), RunConclusion.Success, pullRequest: true, branch: "feature-x"),
            Run("r6", 1, Monday.AddDays(6).AddHours(23), RunConclusion.Failure),
            Run("r6", 2, Monday.AddDays(7).AddHours(1), RunConclusion.Success),
            Run("r5", 1, Monday.AddDays(9), RunConclusion.Success),
        };
        await using var fixture = await SignalFixture.CreateAsync(runs);

        var series = await new CiRerunRate().ComputeAsync(fixture.TwoWeeks(), default);

        series.Select(s => s.Labels["branch"]).Should().Equal("main", "other");
        series[0].Points.Select(p => p.Value).Should().Equal(2.0 / 3, 0.0);
        series[0].Points.Select(p => p.Observations).Should().Equal(3, 1);
        series[1].Points.Select(p => p.Value).Should().Equal(0.5, null);
    }

    [Fact]
    public async Task DurationChangePoints_StepFrom600To900Seconds_IsFoundAtTheFirstSlowRun()
    {
        // ci: 24 successful runs of 600 ± 10 s every 7 h from Monday 2 November, then 16 of 900 ± 10 s, the first queued
        // at Monday 9 November 00:00 (index 24). Before: mean 600; after: mean 900; relative change 900/600 − 1 = +0.5.
        // A failed 100 s run in between is left out (failures stop early). lint: 40 runs of 60 ± 1 s, no change.
        // The series has one point, week 2, value +0.5, with the 16 runs of that week as observations.
        var runs = new List<object> { Api };
        for (var i = 0; i < 40; i++)
        {
            var noise = i % 2 == 0 ? -10 : 10;
            runs.Add(Run($"ci-{i}", 1, Monday.AddHours(7 * i), RunConclusion.Success, seconds: (i < 24 ? 600 : 900) + noise));
            runs.Add(Run($"lint-{i}", 1, Monday.AddHours((7 * i) + 1), RunConclusion.Success, seconds: 60 + (noise / 10), workflow: "lint"));
        }

        runs.Add(Run("failed", 1, Monday.AddHours(100), RunConclusion.Failure, seconds: 100));
        await using var fixture = await SignalFixture.CreateAsync([.. runs]);
        var signal = new CiChangePoints();

        var points = await signal.DetectAsync(fixture.TwoWeeks(), default);
        var series = await signal.ComputeAsync(fixture.TwoWeeks(), default);

        var change = points.Should().ContainSingle().Subject;
        change.Workflow.Should().Be("ci");
        change.Team.Should().Be("payments");
        change.At.Should().Be(Monday.AddDays(7));
        change.Point.Index.Should().Be(24);
        change.Point.MeanBefore.Should().Be(600);
        change.Point.MeanAfter.Should().Be(900);
        change.Point.RelativeChange.Should().BeApproximately(0.5, 1e-12);
        change.Point.PValue.Should().BeLessThan(1e-10);
        var only = series.Should().ContainSingle().Subject;
        only.Labels.ToString().Should().Be("{repository=\"acme/api\", team=\"payments\", workflow=\"ci\"}");
        var point = only.Points.Should().ContainSingle().Subject;
        point.Window.ToString().Should().Be("2026-W46");
        point.Value.Should().BeApproximately(0.5, 1e-12);
        point.Observations.Should().Be(16);
    }

    [Fact]
    public void Catalog_HasTheCiHealthSignals()
    {
        SignalCatalog.Find("ci.queue_duration").Should().BeOfType<CiQueueDuration>();
        SignalCatalog.Find("ci.failure_rate").Should().BeOfType<CiFailureRate>();
        SignalCatalog.Find("ci.rerun_rate").Should().BeOfType<CiRerunRate>();
        SignalCatalog.Find("ci.duration_change_points").Should().BeOfType<CiChangePoints>();
        SignalCatalog.Find("ci.run_duration").Should().BeOfType<CiRunDuration>();
    }

    [Theory]
    [InlineData("ci.queue_duration")]
    [InlineData("ci.failure_rate")]
    [InlineData("ci.rerun_rate")]
    [InlineData("ci.duration_change_points")]
    [InlineData("change-points")]
    public void Docs_EachCiSignalAndTheDetector_HaveTheirPage(string name)
    {
        File.Exists(Path.Combine(RepositoryFiles.Root, "docs", "signals", name + ".md")).Should().BeTrue();
    }

    private static WorkflowRun Run(
        string id, int attempt, DateTimeOffset queued, RunConclusion? conclusion, int wait = 5, int seconds = 300,
        bool pullRequest = false, string branch = "main", string workflow = "ci")
    {
        var started = conclusion is null ? (DateTimeOffset?)null : queued.AddSeconds(wait);
        return new WorkflowRun(
            "github", "acme/api", id, attempt, workflow, pullRequest ? "pull_request" : "push", branch, "abc",
            conclusion is null ? RunStatus.Queued : RunStatus.Completed, conclusion, queued, started, started?.AddSeconds(seconds), null);
    }
}
