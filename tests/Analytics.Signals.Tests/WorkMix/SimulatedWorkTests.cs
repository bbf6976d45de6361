using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Commitments;
using Analytics.Signals.Postmortems;
using Analytics.Signals.Series;
using Analytics.Signals.WorkMix;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.WorkMix;

/// <summary>
/// Work-mix, commitment and postmortem signals over the demo organisation (seed 42, a year ending 2026-11-02), where the
/// simulator plants: platform never labels tech debt; data works without sprints; payments pulls scope into running
/// sprints and links postmortem documents; mobile's unplanned share rises and it skips or delays many postmortems.
/// </summary>
public sealed class SimulatedWorkTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WorkSignals_SimulatedOrganisation_ShowPlantedFacts()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        await using var fixture = await SignalFixture.CreateAsync(
            [.. organisation.Tickets, .. organisation.TicketTransitions, .. organisation.PullRequests, .. organisation.Incidents, .. organisation.Sprints, .. organisation.SprintChanges]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var weekly = new SignalRequest(fixture.Store, organisation.Teams, people, organisation.Options.Start, End, Granularity.Week);
        var quarterly = weekly with { Granularity = Granularity.Quarter };

        var items = await new WorkItems().ComputeAsync(quarterly, default);
        var mix = await new WorkMixShare().ComputeAsync(quarterly, default);
        foreach (var series in mix.Where(s => s.Labels["measure"] != "points"))
        {
            output.WriteLine($"{series.Labels}: {string.Join(" ", series.Points.Select(p => p.Value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}");
        }

        double Total(string team, string type, string measure) =>
            items.Single(s => s.Labels["team"] == team && s.Labels["type"] == type && s.Labels["measure"] == measure).Points.Sum(p => p.Value ?? 0);

        // Platform never does tech debt; every other team does some, in tickets and in linked pull requests.
        Total("platform", "tech-debt", "tickets").Should().Be(0);
        foreach (var team in new[] { "payments", "mobile", "data" })
        {
            Total(team, "tech-debt", "tickets").Should().BeGreaterThan(0, team);
            Total(team, "tech-debt", "pull_requests").Should().BeGreaterThan(0, team);
        }

        // Mobile's unplanned share rises from the first full quarter to the last.
        var unplanned = mix.Single(s => s.Labels["team"] == "mobile" && s.Labels["type"] == "unplanned" && s.Labels["measure"] == "tickets").Points;
        unplanned[^1].Value.Should().BeGreaterThan(unplanned[1].Value!.Value + 0.1);

        // Sprints: every team but data has them; payments adds the most scope after sprints start.
        var scope = await new SprintScopeAdded().ComputeAsync(weekly, default);
        var completion = await new SprintCompletion().ComputeAsync(weekly, default);
        scope.Select(s => s.Labels["team"]).Distinct().Should().BeEquivalentTo("payments", "platform", "mobile");
        double Mean(IReadOnlyList<Series.Series> series, string team) =>
            series.Single(s => s.Labels["team"] == team && s.Labels["measure"] == "tickets").Points.Where(p => p.Value is not null).Average(p => p.Value!.Value);
        foreach (var team in new[] { "payments", "platform", "mobile" })
        {
            output.WriteLine($"{team}: scope added {Mean(scope, team):0.00}, completion {Mean(completion, team):0.00}");
        }

        Mean(scope, "payments").Should().BeGreaterThan(Mean(scope, "platform") + 0.2);
        Mean(scope, "payments").Should().BeGreaterThan(Mean(scope, "mobile") + 0.2);
        var forecast = await new ForecastRatio().ComputeAsync(weekly, default);
        forecast.Should().ContainSingle().Which.Labels["team"].Should().Be("data");

        // Postmortems: mobile's on-time share is below every other team's, and it owes some at the end.
        var onTime = await new PostmortemOnTimeShare().ComputeAsync(quarterly, default);
        var overdue = await new PostmortemsOverdue().ComputeAsync(weekly, default);
        double Share(string team)
        {
            var points = onTime.Single(s => s.Labels["team"] == team).Points;
            return points.Sum(p => (p.Value ?? 0) * p.Observations) / points.Sum(p => p.Observations);
        }

        foreach (var team in organisation.Teams)
        {
            output.WriteLine($"{team.Id}: postmortems on time {Share(team.Id):0.00}, overdue at the end {overdue.Single(s => s.Labels["team"] == team.Id).Points[^1].Value}");
        }

        foreach (var team in new[] { "payments", "platform", "data" })
        {
            Share("mobile").Should().BeLessThan(Share(team) - 0.2, team);
        }

        overdue.Single(s => s.Labels["team"] == "mobile").Points[^1].Value.Should().BeGreaterThan(0);
        (await new OpenActionItems().ComputeAsync(weekly, default)).Where(s => s.Labels["team"] != "payments")
            .Should().OnlyContain(s => s.Points.Any(p => p.Value > 0));
    }
}
