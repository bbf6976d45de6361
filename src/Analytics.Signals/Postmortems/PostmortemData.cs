using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// Links incidents to postmortems and action items under each team's <see cref="PostmortemPolicy"/>. A ticket is linked
/// to an incident when its title or one of its labels mentions the incident's id as a whole word (<c>Postmortem:
/// Q1ABC</c>, label <c>incident-Q1ABC</c>), ignoring case. Incidents belong to the team running their service.
/// </summary>
internal static class PostmortemData
{
    /// <summary>
    /// The request's incidents with their postmortems, and the action items; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: the four <c>postmortems.*</c> signals share it).
    /// </summary>
    public static async Task<(IReadOnlyList<PostmortemCase> Cases, IReadOnlyList<ActionItem> Actions)> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var loaded = await request.OncePerRequestAsync(nameof(PostmortemData), ct => ReadAsync(request, ct), cancellationToken);
        return (loaded.Cases, loaded.Actions);
    }

    private static async Task<Loaded> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var incidents = new Dictionary<string, (Incident Incident, Team Team)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, cancellationToken))
        {
            if (request.TeamOfService(incident.Service) is { } team)
            {
                incidents.TryAdd(incident.SourceId, (incident, team));
            }
        }

        var postmortemTickets = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var actions = new List<ActionItem>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, cancellationToken))
        {
            foreach (var id in Mentions(ticket).Where(incidents.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var (_, team) = incidents[id];
                var policy = team.Postmortems;
                if (ticket.Labels.Any(l => Contains(policy.TicketLabels, l)) || Contains(policy.TicketTypes, ticket.Type))
                {
                    postmortemTickets[id] = postmortemTickets.TryGetValue(id, out var seen) && seen < ticket.CreatedAt ? seen : ticket.CreatedAt;
                }
                else if (ticket.Labels.Any(l => Contains(policy.ActionLabels, l)))
                {
                    actions.Add(new ActionItem(ticket, team));
                }
            }
        }

        var cases = new List<PostmortemCase>();
        foreach (var (incident, team) in incidents.Values)
        {
            if (incident.ResolvedAt is not { } resolved || !team.Postmortems.Requires(incident.Severity))
            {
                continue;
            }

            // A linked document without a publication time counts from the resolution: it exists, its date is unknown.
            DateTimeOffset? document = incident.PostmortemAt ?? (incident.PostmortemUrl is not null ? resolved : null);
            DateTimeOffset? ticketAt = postmortemTickets.TryGetValue(incident.SourceId, out var at) ? at : null;
            var done = document is { } d && (ticketAt is not { } t || d <= t) ? document : ticketAt;
            cases.Add(new PostmortemCase(incident, team, BusinessDays.Deadline(resolved, team.Postmortems.BusinessDays, team.TimeZone), done));
        }

        return new Loaded(cases, actions);
    }

    /// <summary>The words of a ticket's title and labels, whole and split at dashes (ids may contain dashes, labels join them).</summary>
    private static IEnumerable<string> Mentions(Ticket ticket)
    {
        foreach (var text in ticket.Labels.Prepend(ticket.Title))
        {
            foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part;
                }
            }
        }
    }

    private static readonly char[] Separators = [' ', '\t', ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '#', '.', '"', '\''];

    private static bool Contains(IEnumerable<string> values, string value) =>
        values.Any(v => string.Equals(v.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What one read gives, shared by the request's postmortem signals.</summary>
    private sealed record Loaded(IReadOnlyList<PostmortemCase> Cases, IReadOnlyList<ActionItem> Actions);
}
