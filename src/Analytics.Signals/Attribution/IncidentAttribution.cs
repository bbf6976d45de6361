using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Storage.Schema;

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
/// Apache DevLake complain about most; landscape.md). Ties on the instant go to the greatest (repository, id), so the
/// answer never depends on read order.
/// </summary>
public sealed class IncidentAttribution
{
    /// <summary>The default look-back window: 24 hours.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    private readonly Dictionary<string, List<Deployment>> _byId = new(StringComparer.Ordinal);
    private readonly List<Deployment> _candidates;
    private readonly DateTimeOffset[] _candidateTimes;
    private readonly IReadOnlyList<Team> _teams;

    /// <summary>Creates the attribution over a set of deployments.</summary>
    /// <param name="deployments">Every deployment an incident may be attributed to (all environments and states).</param>
    /// <param name="teams">The teams whose services and repositories make the service ↔ repository mapping.</param>
    /// <param name="isProduction">Whether an environment is production.</param>
    /// <param name="window">How far before an incident a deployment may have gone live (zero or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public IncidentAttribution(IEnumerable<Deployment> deployments, IReadOnlyList<Team> teams, Func<string, bool> isProduction, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(isProduction);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        Window = window;
        _teams = teams;
        var all = deployments.ToList();
        foreach (var deployment in all)
        {
            if (!_byId.TryGetValue(deployment.SourceId, out var list))
            {
                _byId[deployment.SourceId] = list = [];
            }

            list.Add(deployment);
        }

        _candidates = all.Where(d => d.Status == DeploymentStatus.Success && isProduction(d.Environment))
            .OrderBy(DeployedAt).ThenBy(d => d.Repository, StringComparer.Ordinal).ThenBy(d => d.SourceId, StringComparer.Ordinal)
            .ToList();
        _candidateTimes = _candidates.Select(DeployedAt).ToArray();
        IsProduction = isProduction;
    }

    /// <summary>How far before an incident a deployment may have gone live to be blamed for it.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether an environment is production.</summary>
    public Func<string, bool> IsProduction { get; }

    /// <summary>
    /// Reads every deployment of the store and builds the attribution the request asks for, once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: the DORA signals computed together share it).
    /// </summary>
    /// <param name="request">The store, teams, production environments and <see cref="SignalRequest.AttributionWindow"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<IncidentAttribution> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.OncePerRequestAsync(nameof(IncidentAttribution), ct => ReadAsync(request, ct), cancellationToken);
    }

    private static async Task<IncidentAttribution> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var deployments = new List<Deployment>();
        await foreach (var deployment in request.Store.ReadAsync(Entities.Deployments, null, cancellationToken))
        {
            deployments.Add(deployment);
        }

        return new IncidentAttribution(deployments, request.Teams, request.IsProduction, request.AttributionWindow);
    }

    /// <summary>The instant a deployment went live: its finish, else its creation.</summary>
    public static DateTimeOffset DeployedAt(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.FinishedAt ?? deployment.CreatedAt;
    }

    /// <summary>The deployment that caused <paramref name="incident"/>, or null when none is known.</summary>
    /// <param name="incident">The incident.</param>
    public IncidentCause? Attribute(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.DeploymentId is { } id)
        {
            return _byId.TryGetValue(id, out var named) ? new IncidentCause(incident, Prefer(named), AttributionKind.Explicit) : null;
        }

        var repositories = _teams.Where(t => t.Services.Contains(incident.Service, StringComparer.OrdinalIgnoreCase))
            .SelectMany(t => t.Repositories)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var earliest = incident.CreatedAt - Window;
        for (var i = LastAtOrBefore(incident.CreatedAt); i >= 0; i--)
        {
            var deployment = _candidates[i];
            if (_candidateTimes[i] < earliest)
            {
                break;
            }

            if (repositories.Contains(deployment.Repository) || string.Equals(deployment.Service, incident.Service, StringComparison.OrdinalIgnoreCase))
            {
                return new IncidentCause(incident, deployment, AttributionKind.Window);
            }
        }

        return null;
    }

    /// <summary>Attributes each incident; those with no cause are left out.</summary>
    /// <param name="incidents">The incidents.</param>
    public IReadOnlyList<IncidentCause> AttributeAll(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return incidents.Select(Attribute).OfType<IncidentCause>().ToList();
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
    private Deployment Prefer(List<Deployment> named) => named
        .OrderByDescending(d => d.Status == DeploymentStatus.Success && IsProduction(d.Environment))
        .ThenByDescending(DeployedAt)
        .ThenByDescending(d => d.Source, StringComparer.Ordinal)
        .First();
}
