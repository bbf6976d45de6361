using System.Diagnostics;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Signals.Flakiness;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Flakiness;

/// <summary>
/// The detector against the demo organisation (seed 42, a year ending 2026-11-02): it must find what the simulator
/// planted (SimulationFacts) and little else.
/// </summary>
public sealed class SimulatedOrganisationFlakinessTests(ITestOutputHelper output)
{
    /// <summary>
    /// Tests other than the planted ones that may be flagged flaky. The simulator never lets a healthy test pass and fail
    /// on the same commit (its genuine mistakes fail every attempt), so the documented tolerance is 0.
    /// </summary>
    private const int ToleratedFalsePositives = 0;

    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnalyseAsync_SimulatedOrganisation_FindsPlantedFlakyAndBrokenTests()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        var facts = organisation.Facts;
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.WorkflowRuns, .. organisation.TestResults]);
        var planted = facts.FlakyTests.Select(t => (t.Repository, t.TestId)).ToHashSet();

        var watch = Stopwatch.StartNew();
        var atEnd = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, End), default);
        output.WriteLine($"{organisation.TestResults.Count} results; last 14 days: {atEnd.Tests.Sum(t => t.Executions)} executions of {atEnd.Tests.Count} tests analysed in {watch.ElapsedMilliseconds} ms");
        foreach (var t in atEnd.InState(TestState.Flaky))
        {
            output.WriteLine($"flaky {t.Repository} {t.TestId}: runs {t.Runs}, commits {t.Commits}, evidence {t.Evidence}, score {t.Score.Estimate:0.000} [{t.Score.Lower:0.000}, {t.Score.Upper:0.000}], lost {t.Impact.LostCiTime}, disrupted {t.Impact.DisruptedRuns}");
        }

        foreach (var r in atEnd.Repositories)
        {
            output.WriteLine($"{r.Repository}: {r.FlakyTests} flaky, {r.Impact}");
        }

        var flaky = atEnd.InState(TestState.Flaky).Select(t => (t.Repository, t.TestId)).ToHashSet();
        flaky.Should().Contain(planted);
        flaky.Except(planted).Should().HaveCountLessThanOrEqualTo(ToleratedFalsePositives);
        atEnd.Repositories.Sum(r => r.Impact.LostCiTime.Ticks).Should().BePositive();

        // At the end of the broken period the broken test is broken, since its first failing main commit, with no
        // pass-and-fail evidence. (It needs three failing main commits; the first lands on Monday 30 March, after the
        // weekend on which the period starts, the third on 6 April.) On no day of the period is it, or any other
        // unplanted test, flaky.
        var during = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, facts.BrokenUntil), default);
        var broken = during.Tests.Single(t => t.Repository == facts.BrokenTest.Repository && t.TestId == facts.BrokenTest.TestId);
        output.WriteLine($"broken {broken.TestId}: since {broken.Since:O} (planted {facts.BrokenFrom:O}), runs {broken.Runs}, failures {broken.Failures}/{broken.Executions}");
        broken.State.Should().Be(TestState.Broken);
        broken.Evidence.Total.Should().Be(0);
        broken.Since.Should().BeOnOrAfter(facts.BrokenFrom).And.BeBefore(facts.BrokenFrom.AddDays(3));
        during.InState(TestState.Broken).Should().ContainSingle();
        for (var day = facts.BrokenFrom; day <= facts.BrokenUntil; day = day.AddDays(1))
        {
            var report = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, day), default);
            report.InState(TestState.Flaky).Select(t => (t.Repository, t.TestId)).Except(planted).Should().HaveCountLessThanOrEqualTo(ToleratedFalsePositives);
        }

        // Over the whole year, week by week (each verdict looking back 14 days from the week's end), no repository ever
        // has more flaky tests than were planted in it.
        watch.Restart();
        var request = new SignalRequest(
            fixture.Store, organisation.Teams, IdentityResolver.Resolve(organisation.Identities, [], []), End.AddDays(-365), End, Granularity.Week);
        var weekly = await new FlakyTestCount().ComputeAsync(request, default);
        output.WriteLine($"tests.flaky over {organisation.Options.Days} days, weekly: {weekly.Count} series in {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        var lost = await new FlakyCiTime().ComputeAsync(request, default);
        output.WriteLine($"tests.flaky_ci_time over the year: {lost.Sum(s => s.Points.Sum(p => p.Value ?? 0)) / 3600:0.0} h lost, in {watch.ElapsedMilliseconds} ms");
        foreach (var series in weekly)
        {
            output.WriteLine($"{series.Labels}: {string.Join(" ", series.Points.Select(p => p.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}");
            var plantedHere = planted.Count(p => p.Repository == series.Labels["repository"]);
            series.Points.Max(p => p.Value ?? 0).Should().BeLessThanOrEqualTo(plantedHere + ToleratedFalsePositives, series.Labels.ToString());
        }

        // Pass-on-retry evidence needs a retry or a re-run: payments-api re-runs only half its failed pull-request runs and
        // never retries in the run, so its test (12% failures) is flagged in about 30 of the 52 weeks; the others in 45+.
        weekly.Where(s => planted.Any(p => p.Repository == s.Labels["repository"]))
            .Should().OnlyContain(s => s.Points.Count(p => p.Value == 1) * 2 >= s.Points.Count, "a planted flaky test is flagged in at least half the weeks");

        watch.Restart();
        var year = await FlakyTests.AnalyseAsync(
            new FlakyTestRequest(fixture.Store, End) { Options = FlakinessOptions.Default with { Window = TimeSpan.FromDays(366) } }, default);
        output.WriteLine($"whole year in one window: {year.Tests.Sum(t => t.Executions)} executions of {year.Tests.Count} tests in {watch.ElapsedMilliseconds} ms; flaky: {year.InState(TestState.Flaky).Count()}");

        // A window after the fix it is healthy again.
        var after = await FlakyTests.AnalyseAsync(new FlakyTestRequest(fixture.Store, facts.BrokenUntil.AddDays(15)), default);
        after.Tests.Single(t => t.Repository == facts.BrokenTest.Repository && t.TestId == facts.BrokenTest.TestId).State.Should().Be(TestState.Healthy);
    }
}
