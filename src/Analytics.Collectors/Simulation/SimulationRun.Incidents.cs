using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;

namespace Analytics.Collectors.Simulation;

/// <summary>Incidents: some caused by deployments, the rest by everything else; one team's rise in the last quarter.</summary>
internal sealed partial class SimulationRun
{
    private void CreateIncidents()
    {
        foreach (var (deployment, repo) in _productionDeployments)
        {
            var rising = repo.Team.Blueprint.Id == Blueprint.IncidentRiseTeam && deployment.CreatedAt >= _riseFrom;
            var chance = (deployment.Status == DeploymentStatus.Failure ? 0.2 : 0.009) * (rising ? 3 : 1);
            if (_random.Chance(chance))
            {
                var createdAt = deployment.FinishedAt!.Value + _random.LogNormal(TimeSpan.FromMinutes(20), 0.8);
                AddIncident(repo.Team, repo.Service, createdAt, deployment.SourceId);
            }
        }

        foreach (var day in Days())
        {
            foreach (var team in _teams)
            {
                var count = _random.Poisson(DailyIncidents(team));
                for (var i = 0; i < count; i++)
                {
                    var hour = IncidentHour();
                    AddIncident(team, _random.Pick(team.Repositories).Service, team.Calendar.At(day, TimeSpan.FromHours(hour)), null);
                }
            }
        }

        // The rise: a fixed number of extra incidents (three times the usual count) so the trend shows whatever the seed.
        var risingTeam = _teams.First(t => t.Blueprint.Id == Blueprint.IncidentRiseTeam);
        var riseDays = (_end - _riseFrom).TotalDays;
        var extra = (int)Math.Round(DailyIncidents(risingTeam) * riseDays * 3);
        for (var i = 0; i < extra; i++)
        {
            // A day of the rise at an hour drawn as for any incident: the rise is more daytime trouble, not extra night
            // pages, which stay the night-paged team's planted problem (uniform hours gave the rising team as high an
            // off-hours page share, so which team showed the most depended on the seed).
            var day = risingTeam.Calendar.LocalDate(_riseFrom + TimeSpan.FromMinutes(Math.Floor(_random.Uniform(0, riseDays * 24 * 60))));
            var createdAt = risingTeam.Calendar.At(day, TimeSpan.FromHours(IncidentHour()));
            createdAt = createdAt < _riseFrom ? _riseFrom : createdAt >= _end ? _end.AddMinutes(-1) : createdAt;
            AddIncident(risingTeam, _random.Pick(risingTeam.Repositories).Service, createdAt, null);
        }
    }

    /// <summary>A local hour for an incident: traffic, and so trouble, peaks in the team's daytime, but pages come at night too.</summary>
    private double IncidentHour() => _random.Chance(0.65) ? _random.Uniform(8, 20) : _random.Uniform(0, 24);

    private double DailyIncidents(SimTeam team) => team.Blueprint.IncidentsPerMonth * 1.6 / 30 * _options.Scale;

    private void AddIncident(SimTeam team, string service, DateTimeOffset createdAt, string? deploymentId)
    {
        if (createdAt < _start || createdAt > _end)
        {
            return;
        }

        var roll = _random.NextDouble();
        var (severity, ack, resolve) = roll switch
        {
            < 0.1 => ("SEV1", 3.0, 50.0),
            < 0.4 => ("SEV2", 6.0, 90.0),
            _ => ("SEV3", 12.0, 180.0),
        };
        var local = team.Calendar.LocalTime(createdAt);
        var night = local.Hour is < 8 or >= 20 ? 2.0 : 1.0;
        DateTimeOffset? acknowledgedAt = createdAt + _random.LogNormal(TimeSpan.FromMinutes(ack * night), 0.9);
        DateTimeOffset? resolvedAt = acknowledgedAt + _random.LogNormal(TimeSpan.FromMinutes(resolve), 1.0);
        var status = IncidentStatus.Resolved;
        if (resolvedAt > _end)
        {
            resolvedAt = null;
            status = IncidentStatus.Acknowledged;
        }

        if (acknowledgedAt > _end)
        {
            acknowledgedAt = null;
            status = IncidentStatus.Triggered;
        }

        var responders = new List<string>();
        if (acknowledgedAt is not null)
        {
            var people = team.ActiveAt(createdAt);
            var week = (int)((createdAt - _start).TotalDays / 7);
            var onCall = people[week % people.Count];
            responders.Add(onCall.PagerDutyId);
            var extra = severity switch
            {
                "SEV1" => 1 + _random.Next(2),
                "SEV2" => _random.Next(2),
                _ => 0,
            };
            var others = people.Where(p => p != onCall).ToList();
            for (var i = 0; i < extra && others.Count > 0; i++)
            {
                var other = _random.Pick(others);
                others.Remove(other);
                responders.Add(other.PagerDutyId);
            }
        }

        var id = "Q" + _random.Alphanumeric(13);
        _incidents.Add(new Incident(
            PagerDuty,
            id,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, _random.Pick(Naming.IncidentTitles), service),
            service,
            severity,
            status,
            createdAt,
            acknowledgedAt,
            resolvedAt,
            ValueList.From(responders),
            deploymentId,
            $"https://{_options.Owner}.pagerduty.com/incidents/{id}"));
    }
}
