using Analytics.Domain.Ci;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using static Analytics.Signals.Tests.Flakiness.FlakyResults;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// The flaky-impact signals blame a failure by the verdict of its own window (docs/signals/tests.flaky_ci_time.md,
/// "Which verdict blames a failure"), not by one verdict over the whole period requested. Weeks are W1 = 2–9 November,
/// W2 = 9–16, W3 = 16–23 (UTC, Monday to Monday); a week's verdict looks back 14 days from its end (the default
/// <see cref="FlakinessOptions"/>: 10 runs, 1 evidence commit, recovery after 7 days and 5 runs, broken at 3 failing
/// main commits). Every run attempt below is one run attempt of the test; <c>Run(…, minutes)</c> is the attempt's duration.
/// </summary>
public sealed class WindowBlameTests
{
    private static readonly DateTimeOffset Day2 = Monday.AddDays(2).AddHours(9);

    [Fact]
    public async Task FlakyCiTime_TestFlakyOnlyInALaterWindow_EarlierFailuresNotBlamed()
    {
        // T: 5 passing runs on day 0; r1 on day 2: attempt 1 fails on c1 (10 min), attempt 2 passes on c1 (evidence);
        // 5 passing runs on day 8; r2 on day 9: attempt 1 fails on c2 (4 min), attempt 2 passes on c2.
        // W1's verdict, [26 Oct, 9 Nov): 5 + 2 = 7 runs < 10: no verdict, not to blame: r1/1 is not lost.
        // W2's verdict, [2 Nov, 16 Nov): 7 + 5 + 2 = 14 runs, evidence on c1 and c2: flaky, to blame: r2/1 lost, 240 s.
        // (Over the whole period T is flaky, so the former rule also blamed r1/1 on it: W1 was 600 s.)
        var day9 = Monday.AddDays(9).AddHours(9);
        await using var fixture = await SignalFixture.CreateAsync([
            .. Passing("T", 5, Monday),
            .. LostAttempt("r1", Day2, 10, ("T", "c1")),
            .. Passing("T", 5, Monday.AddDays(8), prefix: "later"),
            .. LostAttempt("r2", day9, 4, ("T", "c2"))]);
        var request = Weeks(fixture, 2);

        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
        timeline.Tests.Single().Verdicts.Select(v => v.State).Should().Equal(TestState.NotEnoughRuns, TestState.Flaky);

        var time = (await new FlakyCiTime().ComputeAsync(request, default)).Should().ContainSingle().Subject;
        time.Points.Select(p => p.Value).Should().Equal(0, 240);
        time.Points.Select(p => p.Observations).Should().Equal(0, 1);
        var disrupted = (await new FlakyDisruptedRuns().ComputeAsync(request, default)).Should().ContainSingle().Subject;
        disrupted.Points.Select(p => p.Value).Should().Equal(0, 1);
    }

    [Fact]
    public async Task FlakyCiTime_TestFlakyThenRecovered_KeepsTheBlameWhereItWasFlaky()
    {
        // T: 9 passing runs on day 0; r1 on day 2: attempt 1 fails on c1 (10 min), attempt 2 passes on c1 (evidence);
        // 12 passing runs from day 7, hourly; r3 on day 15: attempt 1 fails on c3 (6 min), the run fails, nobody re-ran it.
        // W1's verdict, [26 Oct, 9 Nov): 9 + 2 = 11 runs, evidence on c1 two days before its end: flaky: r1/1 lost, 600 s.
        // W3's verdict, [9 Nov, 23 Nov): 12 + 1 = 13 runs, no evidence (c3 only failed), one failing main commit (< 3):
        // healthy with no evidence, not to blame: r3/1 is not lost, 0 s.
        // (Over the whole period T is healthy after recovering, with evidence: the former rule blamed r3/1 too, 360 s.)
        var day15 = Monday.AddDays(15).AddHours(9);
        await using var fixture = await SignalFixture.CreateAsync([
            .. Passing("T", 9, Monday),
            .. LostAttempt("r1", Day2, 10, ("T", "c1")),
            .. Passing("T", 12, Monday.AddDays(7), prefix: "later"),
            Result("T", "r3", 1, 0, "c3", TestOutcome.Failed, day15.AddMinutes(2)),
            Run("r3", 1, day15, 6, RunConclusion.Failure)]);
        var request = Weeks(fixture, 3);

        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
        timeline.Tests.Single().Verdicts.Select(v => (v.State, v.Evidence)).Should().Equal(
            (TestState.Flaky, 1), (TestState.Healthy, 1), (TestState.Healthy, 0));

        var time = (await new FlakyCiTime().ComputeAsync(request, default)).Should().ContainSingle().Subject;
        time.Points.Select(p => p.Value).Should().Equal(600, 0, 0);
        var disrupted = (await new FlakyDisruptedRuns().ComputeAsync(request, default)).Should().ContainSingle().Subject;
        disrupted.Points.Select(p => p.Value).Should().Equal(1, 0, 0);
    }

    [Fact]
    public async Task FlakyCiTime_AttemptFailedByATestToBlameAndOneNotYet_IsNotLostInThatWindow()
    {
        // T: 9 passing runs on day 0; r1 on day 2 fails on T alone (10 min), re-run passes: T's evidence.
        // V: 3 passing runs on day 0.
        // r2 on day 4: attempt 1 fails on T and V (8 min), attempt 2 passes both on c2: evidence for both.
        // V: 6 passing runs on day 8; r3 on day 10: attempt 1 fails on T and V (4 min), attempt 2 passes both on c3.
        // W1's verdicts, [26 Oct, 9 Nov): T 9 + 2 + 2 = 13 runs, evidence: flaky, to blame. V 3 + 2 = 5 runs: no
        // verdict, not yet to blame. r1/1 is lost (600 s); r2/1 also failed on V, not to blame in W1: not lost.
        // W2's verdicts, [2 Nov, 16 Nov): T 15 runs, V 5 + 6 + 2 = 13 runs, both with evidence: flaky, both to blame:
        // r3/1 is lost (240 s). W1 = 600 s, W2 = 240 s.
        // (The former rule judged V over the whole period, flaky: r2/1 was lost too and W1 was 1,080 s.)
        var day4 = Monday.AddDays(4).AddHours(9);
        var day10 = Monday.AddDays(10).AddHours(9);
        await using var fixture = await SignalFixture.CreateAsync([
            .. Passing("T", 9, Monday),
            .. Passing("V", 3, Monday, prefix: "v"),
            .. LostAttempt("r1", Day2, 10, ("T", "c1")),
            .. LostAttempt("r2", day4, 8, ("T", "c2"), ("V", "c2")),
            .. Passing("V", 6, Monday.AddDays(8), prefix: "w"),
            .. LostAttempt("r3", day10, 4, ("T", "c3"), ("V", "c3"))]);
        var request = Weeks(fixture, 2);

        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
        timeline.Tests.Single(t => t.TestId == "V").Verdicts.Select(v => v.State).Should().Equal(TestState.NotEnoughRuns, TestState.Flaky);
        timeline.Tests.Single(t => t.TestId == "T").Verdicts.Select(v => v.State).Should().Equal(TestState.Flaky, TestState.Flaky);

        var time = (await new FlakyCiTime().ComputeAsync(request, default)).Should().ContainSingle().Subject;
        time.Points.Select(p => p.Value).Should().Equal(600, 240);
        timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Run, string.Join(",", e.Tests)))
            .Should().Equal(("github\u001fr1", "T"), ("github\u001fr3", "T,V"));

        // A one-instant analysis has one window, the period: both tests are flaky at its end, so all three attempts are
        // lost, 600 + 480 + 240 = 1,320 s; T's share is 600 + 240 + 120 = 960 s, V's 240 + 120 = 360 s: they add up.
        var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, Monday.AddDays(14)), default);
        report.Repositories.Single().Impact.Should().Be(new FlakyImpact(3, 3, 0, TimeSpan.FromSeconds(1320)));
        report.Tests.Single(t => t.TestId == "T").Impact.LostCiTime.Should().Be(TimeSpan.FromSeconds(960));
        report.Tests.Single(t => t.TestId == "V").Impact.LostCiTime.Should().Be(TimeSpan.FromSeconds(360));
    }

    [Fact]
    public async Task FlakyCiTime_OneWeekAlone_EqualsThatWeekInALongerRequest()
    {
        // The recovered test of the second scenario, asked for W3 alone and for W1–W3: W3 reads 0 both ways (W3's own
        // verdict does not blame r3/1). The former rule gave 0 alone and 360 s in the three weeks.
        var day15 = Monday.AddDays(15).AddHours(9);
        await using var fixture = await SignalFixture.CreateAsync([
            .. Passing("T", 9, Monday),
            .. LostAttempt("r1", Day2, 10, ("T", "c1")),
            .. Passing("T", 12, Monday.AddDays(7), prefix: "later"),
            Result("T", "r3", 1, 0, "c3", TestOutcome.Failed, day15.AddMinutes(2)),
            Run("r3", 1, day15, 6, RunConclusion.Failure)]);

        var alone = (await new FlakyCiTime().ComputeAsync(Weeks(fixture, 1, firstWeek: 2), default)).Single();
        var within = (await new FlakyCiTime().ComputeAsync(Weeks(fixture, 3), default)).Single();

        alone.Points.Should().ContainSingle().Which.Should().Be(within.Points[2]);
        within.Points[2].Value.Should().Be(0);
    }

    [Fact]
    public async Task FlakyCiTime_AttemptQueuedBeforeAWeekWithItsRetryInIt_CountsOnceInTheAttemptsWeek()
    {
        // T: 9 passing runs on day 0; r1 on day 2 fails on T alone (10 min), re-run passes: evidence.
        // r5 queued Sunday 8 Nov 23:50 (W1): T fails in job a at 23:55, and in job b at 23:56, where its retry passes at
        // 00:05 on Monday (W2, 30 s); the run fails (20 min) on job a; attempt 2 passes on c5 at 00:30.
        // W1's verdict, [26 Oct, 9 Nov): 9 + 2 + 1 = 12 runs, evidence on c1: flaky. r1/1 (600 s) and r5/1 (1,200 s) are
        // lost: W1 = 1,800 s. W2's verdict, [2 Nov, 16 Nov): 13 runs, evidence on c1 and c5, not recovered: flaky. The
        // retry starts in W2, but W2's verdicts also make r5/1 lost, so it is inside that attempt's time: W2 = 0 s.
        // W2 alone reads r5/1 from the day before (job a's failure at 23:55 and its run), so it gives 0 too. (Without
        // that day, r5/1 would have no failure in W2 alone, and the retry would count there: 30 s.)
        var queued = Monday.AddDays(7).AddMinutes(-10);
        await using var fixture = await SignalFixture.CreateAsync([
            .. Passing("T", 9, Monday),
            .. LostAttempt("r1", Day2, 10, ("T", "c1")),
            Result("T", "r5", 1, 0, "c5", TestOutcome.Failed, queued.AddMinutes(5), job: "a"),
            Result("T", "r5", 1, 0, "c5", TestOutcome.Failed, queued.AddMinutes(6), job: "b"),
            Result("T", "r5", 1, 1, "c5", TestOutcome.Passed, queued.AddMinutes(15), job: "b", seconds: 30),
            Result("T", "r5", 2, 0, "c5", TestOutcome.Passed, queued.AddMinutes(40)),
            Run("r5", 1, queued, 20, RunConclusion.Failure),
            Run("r5", 2, queued.AddMinutes(35), 20, RunConclusion.Success)]);

        var both = (await new FlakyCiTime().ComputeAsync(Weeks(fixture, 2), default)).Single();
        var alone = (await new FlakyCiTime().ComputeAsync(Weeks(fixture, 1, firstWeek: 1), default)).Single();

        both.Points.Select(p => p.Value).Should().Equal(1800, 0);
        alone.Points.Should().ContainSingle().Which.Should().Be(both.Points[1]);
    }

    /// <summary>
    /// A run attempt 1 queued at <paramref name="queued"/> that failed on each test (on its commit) and took
    /// <paramref name="minutes"/>, and its attempt 2, half an hour later, on which they all passed.
    /// </summary>
    private static IEnumerable<object> LostAttempt(string run, DateTimeOffset queued, double minutes, params (string Test, string Sha)[] tests)
    {
        foreach (var (test, sha) in tests)
        {
            yield return Result(test, run, 1, 0, sha, TestOutcome.Failed, queued.AddMinutes(2));
            yield return Result(test, run, 2, 0, sha, TestOutcome.Passed, queued.AddMinutes(32));
        }

        yield return Run(run, 1, queued, minutes, RunConclusion.Failure);
        yield return Run(run, 2, queued.AddMinutes(30), minutes, RunConclusion.Success);
    }

    /// <summary><paramref name="count"/> weeks from W<c>firstWeek + 1</c>.</summary>
    private static SignalRequest Weeks(SignalFixture fixture, int count, int firstWeek = 0) => new(
        fixture.Store,
        [fixture.Team],
        IdentityResolver.Resolve([], [], []),
        Monday.AddDays(7 * firstWeek),
        Monday.AddDays(7 * (firstWeek + count)),
        Granularity.Week);
}
