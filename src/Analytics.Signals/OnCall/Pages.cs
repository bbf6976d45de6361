using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;
using Analytics.Signals.Incidents;

namespace Analytics.Signals.OnCall;

/// <summary>
/// Pages per responder per window for each team: every incident of a service the team runs counts once for each person
/// among its responders (bots left out), in the window containing its creation. The team's configured members with no
/// page are included with 0, since a member never paged is part of an uneven load. <c>include</c> picks the pages
/// (incident, team, person key) that count.
/// </summary>
internal static class Pages
{
    public static async Task<IReadOnlyDictionary<string, SortedDictionary<string, WindowedValues>>> ComputeAsync(
        SignalRequest request,
        Func<Incident, Team, string, bool> include,
        CancellationToken cancellationToken)
    {
        var membership = new TeamMembership(request);
        var result = new Dictionary<string, SortedDictionary<string, WindowedValues>>();
        foreach (var team in request.Teams)
        {
            var perPerson = new SortedDictionary<string, WindowedValues>(StringComparer.Ordinal);
            foreach (var member in membership.MembersOf(team))
            {
                perPerson[member] = WindowedValues.ForTeam(request, team);
            }

            result[team.Id] = perPerson;
        }

        foreach (var incident in await StoredIncidents.LoadAsync(request, cancellationToken))
        {
            if (request.TeamOfService(incident.Service) is not { } team)
            {
                continue;
            }

            var responders = incident.Responders
                .Select(account => membership.PersonOf(incident.Source, account))
                .Where(p => !p.IsBot)
                .Select(p => p.Key)
                .Distinct(StringComparer.Ordinal);
            var perPerson = result[team.Id];
            foreach (var person in responders.Where(p => include(incident, team, p)))
            {
                if (!perPerson.TryGetValue(person, out var values))
                {
                    perPerson[person] = values = WindowedValues.ForTeam(request, team);
                }

                values.Add(incident.CreatedAt, 1);
            }
        }

        return result;
    }

    /// <summary>One series per team and person.</summary>
    public static IReadOnlyList<Series.Series> PerPerson(ISignal signal, IReadOnlyDictionary<string, SortedDictionary<string, WindowedValues>> pages) =>
        pages
            .OrderBy(team => team.Key, StringComparer.Ordinal)
            .SelectMany(team => team.Value.Select(person => person.Value.ToSeries(
                signal.Name,
                Labels.Of(new Label("team", team.Key), new Label("person", person.Key)),
                signal.Unit,
                values => values.Count)))
            .ToList();
}
