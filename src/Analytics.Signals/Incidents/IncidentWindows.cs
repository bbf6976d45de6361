using Analytics.Domain.Incidents;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incidents;

/// <summary>
/// Groups incidents by team (through the service they affected), service and severity, and observes one value per
/// incident at an instant of its life; the incident signals differ only in that value and instant.
/// </summary>
internal static class IncidentWindows
{
    public static async Task<IReadOnlyList<Series.Series>> ComputeAsync(
        ISignal signal,
        SignalRequest request,
        Func<Incident, (DateTimeOffset At, double Value)?> observe,
        Func<WindowedValues, Labels, Series.Series> toSeries,
        CancellationToken cancellationToken)
    {
        var groups = new SortedDictionary<(string Team, string Service, string Severity), WindowedValues>();
        foreach (var incident in await StoredIncidents.LoadAsync(request, cancellationToken))
        {
            if (request.TeamOfService(incident.Service) is not { } team || observe(incident) is not { } observation)
            {
                continue;
            }

            var key = (team.Id, incident.Service, incident.Severity ?? "unknown");
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = WindowedValues.ForTeam(request, team);
            }

            values.Add(observation.At, observation.Value);
        }

        return groups
            .Select(g => toSeries(g.Value, Labels.Of(new Label("team", g.Key.Team), new Label("service", g.Key.Service), new Label("severity", g.Key.Severity))))
            .ToList();
    }
}
