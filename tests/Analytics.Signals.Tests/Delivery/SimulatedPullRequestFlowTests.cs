using Analytics.Collectors.Simulation;
using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Series;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.Delivery;

/// <summary>
/// PR size and work in progress over the demo organisation (seed 42, a year ending 2026-11-02): properties that follow
/// from how the simulator works, not numbers copied from a run.
/// </summary>
public sealed class SimulatedPullRequestFlowTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SizeAndWip_SimulatedOrganisation_ArePlausible()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.PullRequests]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var request = new SignalRequest(fixture.Store, organisation.Teams, people, organisation.Options.Start, End, Granularity.Week);

        var merged = await new MergedPullRequests().ComputeAsync(request, default);
        var size = await new PullRequestSize().ComputeAsync(request, default);
        var wip = await new WorkInProgress().ComputeAsync(request, default);
        var perPerson = await new WorkInProgressPerPerson().ComputeAsync(request, default);
        foreach (var series in size.Concat(wip))
        {
            output.WriteLine($"{series.Signal} {series.Labels}: {string.Join(" ", series.Points.Select(p => p.Value?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}");
        }

        // Size reads the same pull requests as pr.merged: a week's observations are its merges, and every week with merges
        // has a size. Every simulated pull request changes at least one line, so a median is at least 1.
        foreach (var team in organisation.Teams)
        {
            var counts = merged.Single(s => s.Labels["team"] == team.Id).Points.Select(p => (int)p.Value!.Value);
            var sizes = size.Single(s => s.Labels["team"] == team.Id).Points;
            sizes.Select(p => p.Observations).Should().Equal(counts, team.Id);
            sizes.Where(p => p.Observations > 0).Should().OnlyContain(p => p.Value >= 1, team.Id);
        }

        // At the period's end, each team's WIP is exactly the people's open non-draft pull requests in its repositories,
        // counted straight from the simulated records; and someone on every team has work in progress most weeks.
        var bots = organisation.Facts.Bots.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var team in organisation.Teams)
        {
            var expected = organisation.PullRequests.Count(pr => team.Repositories.Contains(pr.Repository) && !pr.IsDraft
                && !bots.Contains(pr.Author) && pr.CreatedAt < End && (pr.ClosedAt is null || pr.ClosedAt >= End));
            var points = wip.Single(s => s.Labels["team"] == team.Id).Points;
            points[^1].Value.Should().Be(expected, team.Id);
            points.Count(p => p.Value > 0).Should().BeGreaterThan(points.Count / 2, team.Id);
        }

        // Per person: every current member has a series; anyone else with work in progress is a person who is in no team
        // (the leaver), never a bot.
        foreach (var team in organisation.Teams)
        {
            var listed = perPerson.Where(s => s.Labels["team"] == team.Id).Select(s => s.Labels["person"]).ToList();
            listed.Should().Contain(team.Members.Select(m => m.Id), team.Id);
        }

        var members = organisation.Teams.SelectMany(t => t.Members).Select(m => m.Id).ToHashSet();
        perPerson.Where(s => !members.Contains(s.Labels["person"]!) && s.Points.Any(p => p.Value > 0))
            .Select(s => s.Labels["person"]).Should().OnlyContain(p => p == organisation.Facts.LeaverPersonHint);
    }
}
