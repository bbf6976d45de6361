using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// One simulated organisation among several written to one store (the benchmark's copies, a test's second organisation).
/// The simulator numbers some ids from the same start and names teams and services alike in every organisation it
/// makes; a copy prefixes them with its owner, so that no copy overwrites another's records or runs another's services.
/// </summary>
public static class OrganisationCopy
{
    /// <summary>
    /// The organisation with its owner's prefix (<c>&lt;owner&gt;-</c>) on the ids the simulator numbers from the same start
    /// in every organisation (reviews, review comments, deployments, tickets, sprints: their ids, names and boards, and the
    /// tickets' and sprint changes' references to them) and on its services (deployments, incidents); pull requests, runs,
    /// jobs, commits and test results are already distinct by repository.
    /// </summary>
    /// <param name="organisation">A simulated organisation.</param>
    public static SimulatedOrganisation Distinct(SimulatedOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var owner = organisation.Options.Owner;
        string Prefixed(string id) => owner + "-" + id;
        return organisation with
        {
            Reviews = new(organisation.Reviews.Select(r => r with { SourceId = Prefixed(r.SourceId) })),
            ReviewComments = new(organisation.ReviewComments.Select(c => c with { SourceId = Prefixed(c.SourceId), ReviewId = c.ReviewId is null ? null : Prefixed(c.ReviewId) })),
            Deployments = new(organisation.Deployments.Select(d => d with { SourceId = Prefixed(d.SourceId), Service = d.Service is null ? null : Prefixed(d.Service) })),
            Incidents = new(organisation.Incidents.Select(i => i with { Service = Prefixed(i.Service) })),
            Tickets = new(organisation.Tickets.Select(t => t with { Key = Prefixed(t.Key), Sprint = t.Sprint is null ? null : Prefixed(t.Sprint) })),
            TicketTransitions = new(organisation.TicketTransitions.Select(t => t with { TicketKey = Prefixed(t.TicketKey) })),
            Sprints = new(organisation.Sprints.Select(s => s with { SourceId = Prefixed(s.SourceId), Name = Prefixed(s.Name), Board = Prefixed(s.Board) })),
            SprintChanges = new(organisation.SprintChanges.Select(c => c with { TicketKey = Prefixed(c.TicketKey), SprintId = Prefixed(c.SprintId) })),
        };
    }

    /// <summary>
    /// The organisation's teams as a copy's: ids <c>&lt;team&gt;-&lt;owner&gt;</c> and services <c>&lt;owner&gt;-&lt;service&gt;</c>
    /// (as <see cref="Distinct"/> names them in the records); repositories already carry the owner.
    /// </summary>
    /// <param name="organisation">A simulated organisation (teams and accounts do not depend on its scale).</param>
    public static IEnumerable<Team> Teams(SimulatedOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var owner = organisation.Options.Owner;
        return organisation.Teams.Select(team => team with
        {
            Id = team.Id + "-" + owner,
            Services = ValueList.From(team.Services.Select(service => owner + "-" + service)),
        });
    }
}
