using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Signals.CiCost;
using Analytics.Signals.Series;
using Analytics.Signals.Tests.Flakiness;

namespace Analytics.Signals.Tests.CiCost;

/// <summary>
/// CI cost on acme/api (team payments, UTC), weeks of Monday 2 and 9 November 2026. Week 1:
/// <list type="bullet">
/// <item>run 1 (<c>ci</c>), attempt 1 on Monday 10:00: <c>build</c> 61 s passes (2 billed minutes), <c>test</c> 4 min 30 s
/// fails (5); attempt 2 re-runs both: <c>build</c> 90 s (2), <c>test</c> 3 min (3);</item>
/// <item>run 2 (<c>release</c>) on Tuesday: <c>mac</c> on macos-14 exactly 10 min (10), <c>win</c> on windows-latest 30 s (1),
/// <c>self</c> on [self-hosted, linux] 20 min (20), <c>skipped</c> never started (nothing).</item>
/// </list>
/// Default prices: ubuntu-latest 0.008, windows-* 0.016, macos-* 0.08, self-hosted 0 per minute.
/// </summary>
public sealed class CiCostSignalTests
{
    private static readonly DateTimeOffset Mon = SignalFixture.Monday;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(3599.5, 60)]
    [InlineData(3600.001, 61)]
    public void BillableMinutes_RunTime_RoundsUpToTheWholeMinute(double seconds, int minutes)
    {
        // GitHub rounds each job up to the next whole minute: 61 s is 2 minutes, 60 s is 1, 0 s is 0.
        CiUsage.BillableMinutes(TimeSpan.FromSeconds(seconds)).Should().Be(minutes);
    }

    [Theory]
    [InlineData("ubuntu-latest", "ubuntu-*", 0.008)]
    [InlineData("ubuntu-22.04", "ubuntu-*", 0.008)]
    [InlineData("windows-2022", "windows-*", 0.016)]
    [InlineData("macos-14", "macos-*", 0.08)]
    [InlineData("MacOS-latest", "macos-*", 0.08)]
    [InlineData("gpu-large", "*", 0.008)]
    [InlineData("self-hosted,linux,x64", "self-hosted", 0)]
    [InlineData("macos-14-arm,self-hosted", "self-hosted", 0)]
    public void PriceOf_DefaultPrices_PickTheMostSpecificMatch(string labels, string runner, double price)
    {
        // An exact label (self-hosted) beats any pattern, even when another label matches macos-*.
        RunnerPrices.Default.PriceOf(labels.Split(',')).Should().Be((runner, (decimal)price));
    }

    [Fact]
    public void PriceOf_NoKeyMatches_IsUnpricedAtZero()
    {
        var prices = new RunnerPrices(new Dictionary<string, decimal> { ["macos-*"] = 0.08m, ["macos-14-*"] = 0.16m });

        prices.PriceOf(["ubuntu-latest"]).Should().Be((RunnerPrices.Unpriced, 0m));
        // The longer pattern wins: macos-14-* (9 characters of prefix) over macos-* (6).
        prices.PriceOf(["macos-14-xlarge"]).Should().Be(("macos-14-*", 0.16m));
    }

    [Fact]
    public async Task RunnerMinutes_Jobs_AreBilledPerJobRoundedUp()
    {
        await using var fixture = await SignalFixture.CreateAsync(Records());

        var minutes = await new RunnerMinutes().ComputeAsync(fixture.TwoWeeks(), default);

        // ci: 2 + 5 + 2 + 3 = 12 minutes; release: 10 + 1 + 20 = 31 (the skipped job never ran). Week 2: none.
        Values(minutes).Should().BeEquivalentTo(new Dictionary<string, List<double?>>
        {
            ["ci"] = [12, 0],
            ["release"] = [31, 0],
        });
        minutes.Select(s => s.Points[0].Observations).Should().Equal(4, 3);
        minutes.Should().OnlyContain(s => s.Labels["team"] == "payments" && s.Labels["repository"] == "acme/api" && s.Unit == SignalUnit.Minutes);
    }

    [Fact]
    public async Task Cost_DefaultPrices_PriceEachJobByItsRunner()
    {
        await using var fixture = await SignalFixture.CreateAsync(Records());

        var cost = await new RunnerCost().ComputeAsync(fixture.TwoWeeks(), default);

        // ci: 12 Linux minutes × 0.008 = 0.096. release: 10 macOS × 0.08 + 1 Windows × 0.016 + 20 self-hosted × 0 = 0.816.
        var values = Values(cost);
        values["ci"][0].Should().BeApproximately(0.096, 1e-12);
        values["release"][0].Should().BeApproximately(0.816, 1e-12);
        cost.Should().OnlyContain(s => s.Unit == SignalUnit.Currency);
    }

    [Fact]
    public async Task Cost_ConfiguredPrices_ReplaceTheDefaults()
    {
        await using var fixture = await SignalFixture.CreateAsync(Records());
        var prices = RunnerPrices.DefaultPerMinute();
        prices["macos-*"] = 0.1m;
        prices["self-hosted"] = 0.002m;
        var request = fixture.TwoWeeks() with { RunnerPrices = new RunnerPrices(prices, "EUR") };

        var cost = await new RunnerCost().ComputeAsync(request, default);

        // release: 10 × 0.1 + 1 × 0.016 + 20 × 0.002 = 1 + 0.016 + 0.04 = 1.056.
        Values(cost)["release"][0].Should().BeApproximately(1.056, 1e-12);
    }

    [Fact]
    public async Task WastedMinutes_FailedAndRerunJobs_CountByReason()
    {
        await using var fixture = await SignalFixture.CreateAsync(Records());
        var request = fixture.TwoWeeks();

        var wasted = await new WastedMinutes().ComputeAsync(request, default);
        var wastedCost = await new WastedCost().ComputeAsync(request, default);

        // Attempt 1's test failed: 5 minutes "failed". Its build passed but ran again in attempt 2: 2 minutes "rerun".
        // Attempt 2's jobs are the last of their names and passed: not waste. release wasted nothing: no series.
        wasted.Select(s => (s.Labels["workflow"], s.Labels["reason"], s.Points[0].Value)).Should().Equal(
            ("ci", "failed", 5.0),
            ("ci", "rerun", 2.0));
        // At 0.008 a minute: 0.04 and 0.016.
        wastedCost.Select(s => s.Points[0].Value!.Value).Should().Equal([0.04, 0.016], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public async Task WastedMinutes_AttemptsFailedOnlyByFlakyTests_AreFlaky()
    {
        // FlakyImpactTests' scenario: r1/1 (10 min) and r4/1 (4 min) failed only because of flaky tests; r2's two
        // attempts (8 min each) also failed on U, which is not flaky. One "test" job per attempt lasting as long as the run.
        var jobs = new List<object>();
        foreach (var run in FlakyImpactTests.Scenario().OfType<WorkflowRun>())
        {
            jobs.Add(new CiJob("github", run.Repository, run.RunId, run.Attempt, $"{run.RunId}-{run.Attempt}", "test", RunStatus.Completed,
                run.Conclusion, run.QueuedAt, run.StartedAt, run.FinishedAt, "runner", ValueList.Of("ubuntu-latest")));
        }

        await using var fixture = await SignalFixture.CreateAsync([.. FlakyImpactTests.Scenario(), .. jobs]);

        var wasted = await new WastedMinutes().ComputeAsync(fixture.TwoWeeks(), default);

        // All in week 2 (day 10 on). flaky: r1/1 10 + r4/1 4 = 14; failed: r2/1 8 + r2/2 8 = 16. r3 passed.
        wasted.Select(s => (s.Labels["reason"], s.Points[0].Value, s.Points[1].Value)).Should().Equal(
            ("failed", 0.0, 16.0),
            ("flaky", 0.0, 14.0));
    }

    [Fact]
    public async Task RunnerMinutes_MonthlyWindows_GiveTheTrendPerMonth()
    {
        var october = Mon.AddDays(-14);
        await using var fixture = await SignalFixture.CreateAsync(
            Run("o1", 1, "ci", october),
            Job("o1", 1, "j-o1", "build", october, 125, RunConclusion.Success, "ubuntu-latest"),
            Run("n1", 1, "ci", Mon),
            Job("n1", 1, "j-n1", "build", Mon, 600, RunConclusion.Success, "ubuntu-latest"));
        var request = fixture.TwoWeeks() with { From = october, Granularity = Granularity.Month };

        var minutes = (await new RunnerMinutes().ComputeAsync(request, default)).Should().ContainSingle().Subject;

        // October: 125 s = 3 minutes; November: 600 s = 10 minutes.
        minutes.Points.Select(p => p.Window.ToString()).Should().Equal("2026-10", "2026-11");
        minutes.Points.Select(p => p.Value).Should().Equal(3, 10);
    }

    [Fact]
    public async Task Cost_JobsStartedTogether_SumExactlyWhateverTheirOrder()
    {
        // Three jobs of one run start at the same instant; at 0.1 per minute they cost 0.2 (job a, 2 min), 0.3 (b, 3 min)
        // and 0.1 (c, 1 min): 0.6 in all. Summed in doubles the result would depend on the order: 0.2 + 0.3 + 0.1 = 0.6
        // exactly, but 0.1 + 0.3 + 0.2 = 0.6000000000000001 (c, b, a) and 0.1 + 0.2 + 0.3 = 0.6000000000000001 (c, a,
        // b). Summed in decimal it is 0.6 in any order, rounded once to the double nearest 0.6. The jobs are stored in
        // the order c, b, a, which a sum in doubles in the store's order would get wrong.
        await using var fixture = await SignalFixture.CreateAsync(
            Run("1", 1, "ci", Mon.AddHours(10)),
            Job("1", 1, "c", "lint", Mon.AddHours(10), 60, RunConclusion.Success, "ubuntu-latest"),
            Job("1", 1, "b", "test", Mon.AddHours(10), 180, RunConclusion.Success, "ubuntu-latest"),
            Job("1", 1, "a", "build", Mon.AddHours(10), 120, RunConclusion.Success, "ubuntu-latest"));
        var request = fixture.TwoWeeks() with { RunnerPrices = new RunnerPrices(new Dictionary<string, decimal> { ["*"] = 0.1m }) };

        var cost = await new RunnerCost().ComputeAsync(request, default);

        Values(cost)["ci"][0].Should().Be(0.6);
        (0.1 + 0.3 + 0.2).Should().NotBe(0.6, "the order would matter in doubles");
        (0.1 + 0.2 + 0.3).Should().NotBe(0.6, "the order would matter in doubles");
    }

    [Fact]
    public async Task WastedMinutes_TwoRepositoriesWithTheSameRunId_KeepEachRunsWorkflowAndAttempts()
    {
        // Run ids are a repository's own: acme/api and acme/web both have a run "7". acme/api's (ci) has one attempt,
        // build 120 s = 2 minutes; acme/web's (deploy) has two, build 300 s = 5 minutes then 60 s = 1 minute. So acme/web's
        // first build is a re-run (5 minutes wasted) and acme/api's build is not, though the run id's later attempt
        // names a job "build" too. Runs are queued in turn, so the jobs of the two runs interleave in time.
        var web = Mon.AddHours(10).AddMinutes(1);
        await using var fixture = await SignalFixture.CreateAsync(
            Run("7", 1, "ci", Mon.AddHours(10)),
            Job("7", 1, "api-1", "build", Mon.AddHours(10), 120, RunConclusion.Success, "ubuntu-latest"),
            Run("7", 1, "deploy", web) with { Repository = "acme/web" },
            Job("7", 1, "web-1", "build", web, 300, RunConclusion.Success, "ubuntu-latest") with { Repository = "acme/web" },
            Run("7", 2, "deploy", web.AddHours(1)) with { Repository = "acme/web" },
            Job("7", 2, "web-2", "build", web.AddHours(1), 60, RunConclusion.Success, "ubuntu-latest") with { Repository = "acme/web" });
        var request = fixture.TwoWeeks();
        request = request with { Teams = [fixture.Team with { Repositories = ValueList.Of("acme/api", "acme/web") }] };

        var minutes = await new RunnerMinutes().ComputeAsync(request, default);
        var wasted = await new WastedMinutes().ComputeAsync(request, default);

        minutes.Select(s => (s.Labels["repository"], s.Labels["workflow"], s.Points[0].Value)).Should().Equal(
            ("acme/api", "ci", 2.0),
            ("acme/web", "deploy", 6.0));
        wasted.Select(s => (s.Labels["repository"], s.Labels["workflow"], s.Labels["reason"], s.Points[0].Value)).Should().Equal(
            ("acme/web", "deploy", "rerun", 5.0));
    }

    [Fact]
    public void Catalog_FindsTheCiCostSignals()
    {
        SignalCatalog.Find("ci.runner_minutes").Should().BeOfType<RunnerMinutes>();
        SignalCatalog.Find("ci.cost").Should().BeOfType<RunnerCost>();
        SignalCatalog.Find("ci.wasted_minutes").Should().BeOfType<WastedMinutes>();
        SignalCatalog.Find("ci.wasted_cost").Should().BeOfType<WastedCost>();
    }

    private static Dictionary<string, List<double?>> Values(IEnumerable<Series.Series> series) =>
        series.ToDictionary(s => s.Labels["workflow"]!, s => s.Points.Select(p => p.Value).ToList());

    private static object[] Records()
    {
        var tue = Mon.AddDays(1);
        return
        [
            Run("1", 1, "ci", Mon.AddHours(10)),
            Run("1", 2, "ci", Mon.AddHours(11)),
            Job("1", 1, "j1", "build", Mon.AddHours(10), 61, RunConclusion.Success, "ubuntu-latest"),
            Job("1", 1, "j2", "test", Mon.AddHours(10), 270, RunConclusion.Failure, "ubuntu-latest"),
            Job("1", 2, "j3", "build", Mon.AddHours(11), 90, RunConclusion.Success, "ubuntu-latest"),
            Job("1", 2, "j4", "test", Mon.AddHours(11), 180, RunConclusion.Success, "ubuntu-latest"),
            Run("2", 1, "release", tue),
            Job("2", 1, "j5", "mac", tue, 600, RunConclusion.Success, "macos-14"),
            Job("2", 1, "j6", "win", tue, 30, RunConclusion.Success, "windows-latest"),
            Job("2", 1, "j7", "self", tue, 1200, RunConclusion.Success, "self-hosted", "linux"),
            new CiJob("github", "acme/api", "2", 1, "j8", "skipped", RunStatus.Completed, RunConclusion.Skipped, tue, null, null, null, ValueList.Of("ubuntu-latest")),
        ];
    }

    private static WorkflowRun Run(string id, int attempt, string workflow, DateTimeOffset queued) =>
        new("github", "acme/api", id, attempt, workflow, "push", "main", "sha", RunStatus.Completed, RunConclusion.Success,
            queued, queued, queued.AddHours(1), null);

    private static CiJob Job(string run, int attempt, string id, string name, DateTimeOffset started, double seconds, RunConclusion conclusion, params string[] labels) =>
        new("github", "acme/api", run, attempt, id, name, RunStatus.Completed, conclusion, started, started, started.AddSeconds(seconds), "runner",
            ValueList.From(labels));
}
