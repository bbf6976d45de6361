using Analytics.Collectors.Simulation;

namespace Analytics.Collectors.Tests.Simulation;

/// <summary>
/// Two simulated organisations written to one store (the benchmark's copies) must not overwrite or name each other's
/// records: the simulator numbers tickets, sprints and deployments alike in every organisation it makes.
/// </summary>
public sealed class OrganisationCopyTests
{
    private static readonly DateTimeOffset End = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Distinct_TwoOrganisations_ShareNoTicketOrSprintAndReferOnlyToTheirOwn()
    {
        var first = Copy("org1", 11);
        var second = Copy("org2", 12);

        // Both plant sprints and tickets in them (otherwise the test checks nothing).
        first.Sprints.Should().NotBeEmpty();
        first.SprintChanges.Should().NotBeEmpty();
        first.Tickets.Should().Contain(t => t.Sprint != null);

        first.Tickets.Select(t => t.Key).Should().NotIntersectWith(second.Tickets.Select(t => t.Key));
        first.Sprints.Select(s => s.SourceId).Should().NotIntersectWith(second.Sprints.Select(s => s.SourceId));
        first.Sprints.Select(s => s.Name).Should().NotIntersectWith(second.Sprints.Select(s => s.Name));
        first.Deployments.Select(d => d.SourceId).Should().NotIntersectWith(second.Deployments.Select(d => d.SourceId));
        foreach (var organisation in new[] { first, second })
        {
            var tickets = organisation.Tickets.Select(t => t.Key).ToHashSet();
            var sprintIds = organisation.Sprints.Select(s => s.SourceId).ToHashSet();
            var sprintNames = organisation.Sprints.Select(s => s.Name).ToHashSet();
            organisation.TicketTransitions.Should().OnlyContain(t => tickets.Contains(t.TicketKey));
            organisation.SprintChanges.Should().OnlyContain(c => tickets.Contains(c.TicketKey) && sprintIds.Contains(c.SprintId));
            organisation.Tickets.Where(t => t.Sprint != null).Should().OnlyContain(t => sprintNames.Contains(t.Sprint!));
        }
    }

    private static SimulatedOrganisation Copy(string owner, int seed) =>
        OrganisationCopy.Distinct(OrganisationSimulator.Generate(new SimulationOptions { End = End, Days = 120, Scale = 0.1, Seed = seed, Owner = owner }));
}
