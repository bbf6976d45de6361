using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.OnCall;
using Analytics.Signals.Series;
using Xunit.Abstractions;

namespace Analytics.Signals.Tests.OnCall;

/// <summary>
/// On-call signals over the demo organisation (seed 42, a year ending 2026-11-02). The simulator pages the week's on-call
/// member of the team running the service (a weekly rotation over the team's active people) for every acknowledged
/// incident, plus one or two helpers from the team for SEV1 and sometimes one for SEV2.
/// </summary>
public sealed class SimulatedOnCallTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnCallSignals_SimulatedOrganisation_ArePlausible()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 42 });
        var facts = organisation.Facts;
        await using var fixture = await SignalFixture.CreateAsync([.. organisation.Incidents]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        var request = new SignalRequest(fixture.Store, organisation.Teams, people, organisation.Options.Start, End, Granularity.Week);

        var pages = await new OnCallPages().ComputeAsync(request, default);
        var outOfHours = await new OnCallPagesOutOfHours().ComputeAsync(request, default);
        var gini = await new OnCallLoadGini().ComputeAsync(request, default);

        double allPages = 0, allOutOfHours = 0;
        foreach (var team in organisation.Teams)
        {
            var mine = pages.Where(s => s.Labels["team"] == team.Id).ToList();
            var members = team.Members.Select(m => m.Id).ToHashSet();

            // Pages only come from the team's own people: its members, or the leaver (in no team now) before leaving.
            foreach (var series in mine.Where(s => s.Points.Any(p => p.Value > 0)))
            {
                var person = series.Labels["person"]!;
                if (!members.Contains(person))
                {
                    person.Should().Be(facts.LeaverPersonHint, team.Id);
                    series.Points.Where(p => p.Value > 0).Should().OnlyContain(p => p.Window.Start < facts.LeftAt);
                }
            }

            // Each acknowledged incident pages the on-call person and at most two helpers.
            var acknowledged = organisation.Incidents.Count(i => team.Services.Contains(i.Service) && i.AcknowledgedAt is not null
                && i.CreatedAt >= mine[0].Points[0].Window.Start && i.CreatedAt < mine[0].Points[^1].Window.End);
            var total = mine.Sum(s => s.Points.Sum(p => p.Value!.Value));
            total.Should().BeInRange(acknowledged, 3 * acknowledged, team.Id);

            // Out-of-hours pages are a subset of pages, person by person and week by week, and every team has some: the
            // simulator opens 35% of the incidents not caused by a deployment at any hour of any day.
            var theirs = outOfHours.Where(s => s.Labels["team"] == team.Id).ToDictionary(s => s.Labels["person"]!);
            foreach (var series in mine)
            {
                var night = theirs[series.Labels["person"]!].Points;
                series.Points.Select((p, i) => night[i].Value <= p.Value).Should().OnlyContain(ok => ok, series.Labels.ToString());
            }

            var teamOutOfHours = theirs.Values.Sum(s => s.Points.Sum(p => p.Value!.Value));
            output.WriteLine($"{team.Id}: {acknowledged} acknowledged incidents, {total} pages, {teamOutOfHours} out of hours");
            teamOutOfHours.Should().BePositive(team.Id);
            allPages += total;
            allOutOfHours += teamOutOfHours;

            // The Gini coefficient lies between 0 and (n − 1)/n for the n people counted.
            var n = mine.Count;
            gini.Single(s => s.Labels["team"] == team.Id).Points.Where(p => p.Value is not null)
                .Should().OnlyContain(p => p.Value >= 0 && p.Value <= (n - 1.0) / n + 1e-12, team.Id);
        }

        // Pooled over the teams (about 200 pages; a team alone has too few to say). Incidents not caused by a deployment
        // open 65% of the time between 08:00 and 20:00 local time and 35% at any hour, every day of the week: on weekdays
        // 0.65 × 3/12 + 0.35 × 15/24 = 38% fall outside 09:00–18:00, at weekends all of them, so 5/7 × 0.38 + 2/7 = 56%.
        // Incidents caused by a deployment follow deployments, which happen in working hours, so fewer are out of hours.
        // The pooled share therefore lies below 56% and well above zero.
        (allOutOfHours / allPages).Should().BeInRange(0.25, 0.6);
    }
}
