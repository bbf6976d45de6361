using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;

namespace Analytics.Signals.Attribution;

/// <summary>
/// Decides which deployment caused an incident, the one rule behind <c>dora.change_failure_rate</c> and
/// <c>dora.recovery_time</c> (see <c>docs/attribution.md</c>):
/// <list type="number">
/// <item>An explicit link wins: when <see cref="Incident.DeploymentId"/> names a known deployment, that deployment,
/// wherever and whenever it went. A link naming no known deployment attributes nothing (it is not replaced by a guess).</item>
/// <item>Otherwise, the latest <b>successful production</b> deployment of a repository mapped to the incident's service
/// that went live (finished, else created) within <see cref="Window"/> before the incident was created, both ends
/// included. A repository is mapped to a service when a team of the teams file runs the service and owns the
/// repository, or when the deployment itself names the service.</item>
/// <item>Otherwise nothing: the incident still counts for time to resolve, but against no deployment.</item>
/// </list>
/// Not "the latest prior deployment, unbounded", which blames whatever shipped last however long ago (the flaw users of
/// Apache DevLake complain about most; landscape.md). Ties on the instant go to the greatest (repository, id, source), so
/// the answer never depends on read order.
/// </summary>
public sealed class IncidentAttribution
{
    /// <summary>The default look-back window: 24 hours.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    private readonly DeploymentSet _deployments;
    private readonly IReadOnlyList<Deployment>? _records;
    private readonly Dictionary<string, List<int>> _byId = new(StringComparer.Ordinal);
    private readonly int[] _candidates;
    private readonly DateTimeOffset[] _candidateTimes;
    private readonly IReadOnlyList<Team> _teams;
    private readonly Dictionary<string, HashSet<string>> _repositoriesOfService = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the attribution over a set of deployments.</summary>
    /// <param name="deployments">Every deployment an incident may be attributed to (all environments and states).</param>
    /// <param name="teams">The teams whose services and repositories make the service ↔ repository mapping.</param>
    /// <param name="isProduction">Whether an environment is production.</param>
    /// <param name="window">How far before an incident a deployment may have gone live (zero or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public IncidentAttribution(IEnumerable<Deployment> deployments, IReadOnlyList<Team> teams, Func<string, bool> isProduction, TimeSpan window)
        : this(Records(deployments), teams, isProduction, window)
    {
    }

    private IncidentAttribution(List<Deployment> records, IReadOnlyList<Team> teams, Func<string, bool> isProduction, TimeSpan window)
        : this(DeploymentSet.Of(records), teams, isProduction, window, named: null, live: null) => _records = records;

    /// <summary>
    /// Creates the attribution over compact rows: <paramref name="deployments"/> must hold every deployment with an id in
    /// <paramref name="named"/> and every one that went live in <paramref name="live"/>, and then attributes exactly as
    /// over all deployments every incident that names an id of <paramref name="named"/> or started in
    /// <paramref name="live"/> shifted by the window's length (the instants a look-back window from there can reach).
    /// </summary>
    /// <param name="deployments">The rows.</param>
    /// <param name="teams">The teams whose services and repositories make the service ↔ repository mapping.</param>
    /// <param name="isProduction">Whether an environment is production.</param>
    /// <param name="window">How far before an incident a deployment may have gone live (zero or more).</param>
    /// <param name="named">The ids incidents name (every id when null).</param>
    /// <param name="live">The span of go-live instants the window attributions look in, both ends included (all when null).</param>
    internal IncidentAttribution(
        DeploymentSet deployments,
        IReadOnlyList<Team> teams,
        Func<string, bool> isProduction,
        TimeSpan window,
        IReadOnlySet<string>? named,
        (DateTimeOffset First, DateTimeOffset Last)? live)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(isProduction);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        Window = window;
        IsProduction = isProduction;
        _teams = teams;
        _deployments = deployments;

        // Each environment's answer once: rows of a read share their strings, and most deployments name a handful.
        var production = new Dictionary<string, bool>(StringComparer.Ordinal);
        var candidates = new List<int>();
        for (var i = 0; i < deployments.Count; i++)
        {
            var row = deployments[i];
            if (named is null || named.Contains(row.SourceId))
            {
                (_byId.TryGetValue(row.SourceId, out var list) ? list : _byId[row.SourceId] = []).Add(i);
            }

            if (row.Status == DeploymentStatus.Success
                && (live is not { } span || (row.DeployedAt >= span.First && row.DeployedAt <= span.Last))
                && (production.TryGetValue(row.Environment, out var isProd) ? isProd : production[row.Environment] = isProduction(row.Environment)))
            {
                candidates.Add(i);
            }
        }

        // The source last: two sources may give one repository the same id at the same instant, and the answer must not
        // depend on which was read first.
        _candidates = [.. candidates
            .OrderBy(i => deployments[i].DeployedAt)
            .ThenBy(i => deployments[i].Repository, StringComparer.Ordinal)
            .ThenBy(i => deployments[i].SourceId, StringComparer.Ordinal)
            .ThenBy(i => deployments[i].Source, StringComparer.Ordinal)];
        _candidateTimes = [.. _candidates.Select(i => deployments[i].DeployedAt)];
    }

    /// <summary>How far before an incident a deployment may have gone live to be blamed for it.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether an environment is production.</summary>
    public Func<string, bool> IsProduction { get; }

    /// <summary>The deployments this attribution chooses from; <see cref="Find"/> answers an index into them.</summary>
    internal DeploymentSet Deployments => _deployments;

    /// <summary>The instant a deployment went live: its finish, else its creation.</summary>
    public static DateTimeOffset DeployedAt(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.FinishedAt ?? deployment.CreatedAt;
    }

    /// <summary>The deployment that caused <paramref name="incident"/>, or null when none is known.</summary>
    /// <param name="incident">The incident.</param>
    /// <exception cref="InvalidOperationException">The attribution was made from rows, not records (never one made public).</exception>
    public IncidentCause? Attribute(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var records = _records ?? throw new InvalidOperationException("This attribution holds deployment rows, not records.");
        var index = Find(incident.DeploymentId, incident.Service, incident.CreatedAt, out var kind);
        return index < 0 ? null : new IncidentCause(incident, records[index], kind);
    }

    /// <summary>Attributes each incident; those with no cause are left out.</summary>
    /// <param name="incidents">The incidents.</param>
    public IReadOnlyList<IncidentCause> AttributeAll(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return incidents.Select(Attribute).OfType<IncidentCause>().ToList();
    }

    /// <summary>
    /// The index in <see cref="Deployments"/> of the deployment that caused the incident with these fields, or -1 when
    /// none is known.
    /// </summary>
    /// <param name="deploymentId">The deployment the incident names, if any.</param>
    /// <param name="service">The service it affected.</param>
    /// <param name="createdAt">When it started.</param>
    /// <param name="kind">How it was attributed (meaningless when none is found).</param>
    internal int Find(string? deploymentId, string service, DateTimeOffset createdAt, out AttributionKind kind)
    {
        if (deploymentId is { } id)
        {
            kind = AttributionKind.Explicit;
            return _byId.TryGetValue(id, out var named) ? Prefer(named) : -1;
        }

        kind = AttributionKind.Window;
        if (!_repositoriesOfService.TryGetValue(service, out var repositories))
        {
            _repositoriesOfService[service] = repositories = _teams.Where(t => t.Services.Contains(service, StringComparer.OrdinalIgnoreCase))
                .SelectMany(t => t.Repositories)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var earliest = createdAt - Window;
        for (var i = LastAtOrBefore(createdAt); i >= 0; i--)
        {
            if (_candidateTimes[i] < earliest)
            {
                break;
            }

            var deployment = _deployments[_candidates[i]];
            if (repositories.Contains(deployment.Repository) || string.Equals(deployment.Service, service, StringComparison.OrdinalIgnoreCase))
            {
                return _candidates[i];
            }
        }

        return -1;
    }

    private static List<Deployment> Records(IEnumerable<Deployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        return [.. deployments];
    }

    /// <summary>The index of the last candidate that went live at or before <paramref name="instant"/>, or -1.</summary>
    private int LastAtOrBefore(DateTimeOffset instant)
    {
        int low = 0, high = _candidateTimes.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_candidateTimes[middle] <= instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>
    /// Two sources may use the same id: a successful production deployment is preferred, then the latest, then the
    /// greatest source name, so the choice is stable.
    /// </summary>
    private int Prefer(List<int> named) => named
        .OrderByDescending(i => _deployments[i].Status == DeploymentStatus.Success && IsProduction(_deployments[i].Environment))
        .ThenByDescending(i => _deployments[i].DeployedAt)
        .ThenByDescending(i => _deployments[i].Source, StringComparer.Ordinal)
        .First();
}
