using Analytics.Domain.People;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Incremental;

/// <summary>
/// Which of a request's teams a stored row can change the series of, for the signals whose team's series depend only on
/// the records of its own repositories and services (<see cref="SignalFootprints.PerTeam"/>). Teams that share a
/// repository or a service are never told apart: a shared repository counts for the first team that lists it
/// (<see cref="SignalRequest.OwnerOf"/>), so recomputing one of them without the other could move its records. A row
/// of a repository or service no team names reaches no team (its records count for nobody); a row naming neither
/// reaches every team (null).
/// </summary>
internal sealed class TeamAttribution
{
    private readonly Dictionary<string, TeamSet> _byRepository = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TeamSet> _byService = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<TeamSet> _sets = [];

    /// <summary>The attribution for <paramref name="teams"/>.</summary>
    public TeamAttribution(IReadOnlyList<Team> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);

        // Teams joined by a shared repository or service (ignoring case, as OwnerOf and TeamOfService compare), by union-find.
        var parent = Enumerable.Range(0, teams.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var firstByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < teams.Count; i++)
        {
            foreach (var name in teams[i].Repositories.Select(r => "r:" + r).Concat(teams[i].Services.Select(s => "s:" + s)).Append("t:" + teams[i].Id))
            {
                if (firstByName.TryGetValue(name, out var first))
                {
                    parent[Root(i)] = Root(first);
                }
                else
                {
                    firstByName[name] = i;
                }
            }
        }

        var components = Enumerable.Range(0, teams.Count).GroupBy(Root)
            .ToDictionary(g => g.Key, g => Intern(new TeamSet(g.Select(i => teams[i].Id))));
        Groups = [.. components.Values.Distinct()];
        for (var i = 0; i < teams.Count; i++)
        {
            var component = components[Root(i)];
            foreach (var repository in teams[i].Repositories)
            {
                _byRepository[repository] = component;
            }

            foreach (var service in teams[i].Services)
            {
                _byService[service] = component;
            }
        }
    }

    /// <summary>The groups of teams that are never told apart (sharing a repository or service, or an id); each team is in one.</summary>
    public IReadOnlyList<TeamSet> Groups { get; }

    /// <summary>
    /// The teams a row of <paramref name="repository"/> (and deploying <paramref name="service"/>, when it names one) can
    /// change: none (<see cref="TeamSet.None"/>) when it names a repository or service but no team's, as the owner of
    /// such a record is nobody (<see cref="SignalRequest.OwnerOf"/>); null, every team, when it names neither.
    /// </summary>
    public TeamSet? Of(string? repository, string? service)
    {
        if (repository is null && service is null)
        {
            return null;
        }

        var byRepository = repository is null ? null : _byRepository.GetValueOrDefault(repository);
        var byService = service is null ? null : _byService.GetValueOrDefault(service);
        if (byRepository is null || byService is null || byRepository.Equals(byService))
        {
            return byRepository ?? byService ?? TeamSet.None;
        }

        return Intern(new TeamSet(byRepository.Ids.Concat(byService.Ids)));
    }

    /// <summary>
    /// The columns naming the teams a row of <paramref name="entity"/> can change: its repository (a repository row's
    /// name) and, for a deployment, its service; for an incident, its service alone. Null when the entity names neither
    /// (its rows reach every team). An incident moved to another service is recorded by the store as its former row
    /// deleted (<c>EntityMap.MovedBy</c>), which reaches every team, so its former team's windows do not go stale.
    /// </summary>
    public static (string? Repository, string? Service)? OwnerColumns(EntityMap entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity == Entities.Incidents)
        {
            return (null, "service");
        }

        var repository = entity == Entities.Repositories ? "full_name" : entity.IndexOf("repository") >= 0 ? "repository" : null;
        return repository is null ? null : (repository, entity == Entities.Deployments ? "service" : null);
    }

    /// <summary>The columns of <paramref name="owners"/> (<see cref="OwnerColumns"/>) that are set: the repository's, then the service's.</summary>
    public static string[] Present((string? Repository, string? Service)? owners) =>
        owners is var (repository, service) ? [.. new[] { repository, service }.OfType<string>()] : [];

    /// <summary>How to find the teams a row of <paramref name="entity"/> (all its columns) can change; null as <see cref="OwnerColumns"/>.</summary>
    public Func<object?[], TeamSet?>? For(EntityMap entity)
    {
        if (OwnerColumns(entity) is not var (repositoryColumn, serviceColumn))
        {
            return null;
        }

        var repository = repositoryColumn is null ? -1 : entity.IndexOf(repositoryColumn);
        var service = serviceColumn is null ? -1 : entity.IndexOf(serviceColumn);
        return values => Of(repository >= 0 ? values[repository] as string : null, service >= 0 ? values[service] as string : null);
    }

    // One instance per set, so that spans group by reference-cheap equal sets (called from the parallel plans).
    private TeamSet Intern(TeamSet set)
    {
        lock (_sets)
        {
            if (_sets.TryGetValue(set, out var known))
            {
                return known;
            }

            _sets.Add(set);
            return set;
        }
    }
}
