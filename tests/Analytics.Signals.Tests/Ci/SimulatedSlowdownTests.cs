using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests.Ci;

public sealed class SimulatedSlowdownTests
{
    private static readonly DateTimeOffset End = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DetectAsync_SimulatedOrganisation_FindsOnlyThePlantedSlowdown()
    {
        // The simulator slows the build and test steps of gateway's ci workflow by its SlowdownFactor (1.5) from
        // SlowdownAt on. Set-up, checkout and job start-up steps do not slow, so whole runs slow by about 1.4: the
        // detected after ÷ before ratio must be within ±10% of the factor and the change within a few days of SlowdownAt.
        // No other workflow (seven repositories' ci and deploy, one release) has a planted change, and none is found.
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End });
        var facts = organisation.Facts;
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.WorkflowRuns, .. organisation.Repositories]);
        var request = new SignalRequest(fixture.Store, organisation.Teams, IdentityResolver.Resolve([], [], []), organisation.Options.Start, End, Granularity.Week);

        var points = await new CiChangePoints().DetectAsync(request, default);

        var slowdown = points.Should().ContainSingle().Subject;
        slowdown.Repository.Should().Be(facts.SlowedRepository);
        slowdown.Workflow.Should().Be(facts.SlowedWorkflow);
        slowdown.At.Should().BeCloseTo(facts.SlowdownAt, TimeSpan.FromDays(3));
        (slowdown.Point.MeanAfter / slowdown.Point.MeanBefore).Should().BeApproximately(facts.SlowdownFactor, 0.1 * facts.SlowdownFactor);
        slowdown.Point.PValue.Should().BeLessThan(0.001);
    }

    [Fact]
    public async Task ComputeAsync_SimulatedOrganisation_HasOnePointInTheSlowdownWeek()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End });
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.WorkflowRuns, .. organisation.Repositories]);
        var request = new SignalRequest(fixture.Store, organisation.Teams, IdentityResolver.Resolve([], [], []), organisation.Options.Start, End, Granularity.Week);

        var series = (await new CiChangePoints().ComputeAsync(request, default)).Should().ContainSingle().Subject;

        series.Labels["repository"].Should().Be(organisation.Facts.SlowedRepository);
        var point = series.Points.Should().ContainSingle().Subject;
        point.Window.End.Should().BeAfter(organisation.Facts.SlowdownAt);
        point.Window.Start.Should().BeBefore(organisation.Facts.SlowdownAt.AddDays(3));
        point.Value.Should().BeInRange(0.35, 0.65);
    }
}
