using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.CiCost;
using Analytics.Signals.Interruptions;
using Analytics.Signals.Onboarding;
using Analytics.Signals.Series;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests;

/// <summary>
/// The CI-cost, off-hours and onboarding signals on the demo organisation (seed 42, a year ending 2026-11-02): they must
/// find what the simulator planted (<see cref="WorkloadFacts"/>).
/// </summary>
public sealed class SimulatedWorkloadTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Signals_SimulatedOrganisation_FindThePlantedWorkload()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        var planted = organisation.Workload;
        await using var fixture = await SignalFixture.CreateAsync(
            [.. organisation.WorkflowRuns, .. organisation.CiJobs, .. organisation.Incidents, .. organisation.Commits,
             .. organisation.PullRequests, .. organisation.Reviews]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var quarter = new SignalRequest(fixture.Store, organisation.Teams, people, End.AddDays(-91), End, Granularity.Month);

        // CI cost: every repository's cost per minute is its runners' price, 0.08 on macOS, 0.008 on Linux.
        var minutes = await new RunnerMinutes().ComputeAsync(quarter, default);
        var cost = await new RunnerCost().ComputeAsync(quarter, default);
        foreach (var repository in minutes.Select(s => s.Labels["repository"]!).Distinct())
        {
            var m = minutes.Where(s => s.Labels["repository"] == repository).Sum(s => s.Points.Sum(p => p.Value!.Value));
            var c = cost.Where(s => s.Labels["repository"] == repository).Sum(s => s.Points.Sum(p => p.Value!.Value));
            output.WriteLine($"{repository}: {m} minutes, {c:0.00} USD");
            m.Should().BePositive(repository);
            (c / m).Should().BeApproximately(repository == planted.MacRepository ? 0.08 : 0.008, 1e-9, repository);
        }

        // Off hours: the night-paged team, whose late committer writes half their commits in the evening or at the weekend,
        // has the highest share of pages and of commits outside working hours.
        var share = await new OffHoursWork().ComputeAsync(quarter, default);
        double Share(string team, string kind) => Pooled(share.Single(s => s.Labels["team"] == team && s.Labels["kind"] == kind));
        foreach (var team in organisation.Teams)
        {
            output.WriteLine($"{team.Id}: off hours pages {Share(team.Id, "page"):P0}, commits {Share(team.Id, "commit"):P0}");
        }

        var others = organisation.Teams.Select(t => t.Id).Where(t => t != planted.NightPagedTeam).ToList();
        Share(planted.NightPagedTeam, "commit").Should().BeGreaterThan(others.Max(t => Share(t, "commit")));
        Share(planted.NightPagedTeam, "page").Should().BeGreaterThan(others.Max(t => Share(t, "page")));
        Pooled((await new WeekendWork().ComputeAsync(quarter, default))
            .Single(s => s.Labels["team"] == planted.NightPagedTeam && s.Labels["kind"] == "commit")).Should().BePositive();

        // Onboarding, over the whole year in quarters: the fast joiner merged 2 days after joining (a little more from
        // 00:00 to 15:00, and the next working day when day 2 is a weekend: at most 5 days); the slow one after 16 days or
        // more. Nobody else is a joiner, since everyone else was active from the first month.
        var year = quarter with { From = organisation.Options.Start, Granularity = Granularity.Quarter };
        var onboarding = await new TimeToFirstMergedPullRequest().ComputeAsync(year, default);
        var (fastTeam, _, _) = planted.Joiners[0];
        var (slowTeam, _, _) = planted.Joiners[1];
        var fast = onboarding.Single(s => s.Labels["team"] == fastTeam).Points.Where(p => p.Value is not null).Should().ContainSingle().Subject;
        var slow = onboarding.Single(s => s.Labels["team"] == slowTeam).Points.Where(p => p.Value is not null).Should().ContainSingle().Subject;
        output.WriteLine($"onboarding: {fastTeam} {fast.Value / 86400:0.0} days, {slowTeam} {slow.Value / 86400:0.0} days");
        fast.Observations.Should().Be(1);
        fast.Value.Should().BeInRange(2 * 86400, 5 * 86400);
        slow.Value.Should().BeGreaterThanOrEqualTo(16 * 86400);
        onboarding.Where(s => s.Labels["team"] != fastTeam && s.Labels["team"] != slowTeam).Should().OnlyContain(s => s.Points.All(p => p.Value == null));
        (await new TimeToFirstReviewGiven().ComputeAsync(year, default)).Where(s => s.Points.Any(p => p.Value != null)).Should().HaveCount(2);
    }

    /// <summary>A share over all windows: Σ share × observations ÷ Σ observations.</summary>
    private static double Pooled(Series.Series series) =>
        series.Points.Sum(p => (p.Value ?? 0) * p.Observations) / series.Points.Sum(p => p.Observations);
}
