using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using static Analytics.Signals.Tests.Flakiness.FlakyResults;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>Broken, flaky, healthy and the recovery period (defaults: 3 broken commits, 7 days and 5 runs to recover).</summary>
public sealed class TestStateTests
{
    [Fact]
    public async Task AnalyseAsync_LatestThreeMainCommitsFailOnly_IsBrokenSinceTheFirstOfThem()
    {
        // 9 passing main runs on days 1–2, then main commits m1..m4 fail on days 10–13 (m1 also on a re-run). A PR branch
        // commit with pass-and-fail evidence does not matter: broken wins over flaky (Trunk's precedence).
        var records = Passing("T", 9, Monday.AddDays(1)).Concat(
        [
            Result("T", "m1", 1, 0, "m1", TestOutcome.Failed, Monday.AddDays(10)),
            Result("T", "m1", 2, 0, "m1", TestOutcome.Failed, Monday.AddDays(10).AddHours(1)),
            Result("T", "m2", 1, 0, "m2", TestOutcome.Failed, Monday.AddDays(11)),
            Result("T", "m3", 1, 0, "m3", TestOutcome.Error, Monday.AddDays(12)),
            Result("T", "m4", 1, 0, "m4", TestOutcome.Failed, Monday.AddDays(13)),
            Result("T", "pr", 1, 0, "p1", TestOutcome.Failed, Monday.AddDays(9), branch: "feature/x"),
            Result("T", "pr", 1, 1, "p1", TestOutcome.Passed, Monday.AddDays(9), branch: "feature/x"),
        ]);

        var health = await AnalyseAsync(Monday.AddDays(14), records);

        health.State.Should().Be(TestState.Broken);
        health.Since.Should().Be(Monday.AddDays(10)); // m1..m4 all fail only; m1 is the first of the trailing run
        health.Evidence.Total.Should().Be(1);
    }

    [Fact]
    public async Task AnalyseAsync_OnlyTwoFailingMainCommitsAfterAPass_IsNotBroken()
    {
        // Latest three main commits: pass9 (passed), m2, m3 (failed): not all failed, so not broken; no evidence: healthy.
        var records = Passing("T", 10, Monday.AddDays(1)).Concat(
        [
            Result("T", "m2", 1, 0, "m2", TestOutcome.Failed, Monday.AddDays(11)),
            Result("T", "m3", 1, 0, "m3", TestOutcome.Failed, Monday.AddDays(12)),
        ]);

        var health = await AnalyseAsync(Monday.AddDays(14), records);

        health.State.Should().Be(TestState.Healthy);
    }

    [Fact]
    public async Task AnalyseAsync_FailingOnlyOnABranch_IsNotBroken()
    {
        // Three failing commits on a feature branch: broken looks at default branches only.
        var records = Passing("T", 10, Monday.AddDays(1)).Concat(
            Enumerable.Range(0, 3).Select(i => Result("T", $"f{i}", 1, 0, $"f{i}", TestOutcome.Failed, Monday.AddDays(11 + i), branch: "feature/y")));

        var health = await AnalyseAsync(Monday.AddDays(14), records);

        health.State.Should().Be(TestState.Healthy);
    }

    [Theory]
    // Evidence at day 5 + 1 h; runs after it on days 6, 7, 8, 9, 10 (at 12:00).
    // As of day 12 + 1 h: 7 days have passed (day 12 + 1 h − 7 d = day 5 + 1 h) and 5 runs: recovered at
    // max(day 5 + 1 h + 7 d, day 10 12:00) = day 12 + 1 h.
    [InlineData(12, 1, 5, "Healthy", 12 * 24 + 1)]
    // As of day 12 00:00: 5 runs but only 6 days 23 h since the evidence: still flaky since the evidence.
    [InlineData(12, 0, 5, "Flaky", (5 * 24) + 1)]
    // As of day 13 with only 4 runs after the evidence (days 6–9): 7 days passed but too few runs: still flaky.
    [InlineData(13, 0, 4, "Flaky", (5 * 24) + 1)]
    public async Task AnalyseAsync_AfterEvidence_RecoversOnlyAfterSevenDaysAndFiveRuns(int asOfDay, int asOfHour, int runsAfter, string state, int sinceHours)
    {
        var evidenceAt = Monday.AddDays(5).AddHours(1);
        var records = Passing("T", 6, Monday.AddHours(1)).Concat(
        [
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(5)),
            Result("T", "r1", 2, 0, "c1", TestOutcome.Passed, evidenceAt),
        ]).Concat(Enumerable.Range(0, runsAfter).Select(i => Result("T", $"after{i}", 1, 0, $"a{i}", TestOutcome.Passed, Monday.AddDays(6 + i).AddHours(12))));
        var asOf = Monday.AddDays(asOfDay).AddHours(asOfHour);

        // Runs: 6 + 2 attempts of r1 + runsAfter ≥ 10 — a verdict is given.
        var health = await AnalyseAsync(asOf, records);

        health.State.Should().Be(Enum.Parse<TestState>(state));
        health.Since.Should().Be(Monday.AddHours(sinceHours));
        health.LastEvidenceAt.Should().Be(evidenceAt);
    }

    [Fact]
    public async Task AnalyseAsync_NewEvidenceAfterRecovery_StartsANewEpisode()
    {
        // Evidence on day 1 (c1); six runs on days 2–7; evidence again on day 10 (c2). Between them 9 days and 6 runs:
        // recovered, so the current episode starts with the evidence on day 10. Runs: 2 + 2 + 6 = 10.
        var records = new[]
        {
            Result("T", "r1", 1, 0, "c1", TestOutcome.Failed, Monday.AddDays(1)),
            Result("T", "r1", 2, 0, "c1", TestOutcome.Passed, Monday.AddDays(1).AddHours(1)),
            Result("T", "r2", 1, 0, "c2", TestOutcome.Failed, Monday.AddDays(10)),
            Result("T", "r2", 2, 0, "c2", TestOutcome.Passed, Monday.AddDays(10).AddHours(1)),
        }.Concat(Enumerable.Range(0, 6).Select(i => Result("T", $"mid{i}", 1, 0, $"m{i}", TestOutcome.Passed, Monday.AddDays(2 + i))));

        var health = await AnalyseAsync(Monday.AddDays(14), records);

        health.State.Should().Be(TestState.Flaky);
        health.Since.Should().Be(Monday.AddDays(10).AddHours(1));
        health.Evidence.Total.Should().Be(2);
        // Score: 2 of 8 commits (c1, c2, m0..m5), z² = 3.841459. Wilson 95%: centre (0.25 + 3.841459/16) / (1 + 3.841459/8)
        // = 0.490091 / 1.480182 = 0.331102; half 1.959964 / 1.480182 × √(0.25·0.75/8 + 3.841459/256)
        // = 1.324137 × √(0.0234375 + 0.0150057) = 1.324137 × 0.196069 = 0.259623 → [0.071479, 0.590725].
        health.Score.Estimate.Should().Be(0.25);
        health.Score.Lower.Should().BeApproximately(0.071479, 2e-6);
        health.Score.Upper.Should().BeApproximately(0.590725, 2e-6);
    }

    private static async Task<TestHealth> AnalyseAsync(DateTimeOffset asOf, IEnumerable<TestResult> records)
    {
        await using var fixture = await SignalFixture.CreateAsync([.. records]);
        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, asOf), default);
        return report.Tests.Should().ContainSingle().Subject;
    }
}
