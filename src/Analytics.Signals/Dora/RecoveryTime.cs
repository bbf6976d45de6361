using Analytics.Signals.Attribution;
using Analytics.Signals.Series;

namespace Analytics.Signals.Dora;

/// <summary>
/// <c>dora.recovery_time</c>: failed deployment recovery time (DORA 2023+): for incidents caused by a production
/// deployment (as <see cref="IncidentAttribution"/> decides), the time from that deployment finishing to the incident being resolved, observed at resolution, per team,
/// aggregated with the request's aggregator and a bootstrap 95% interval. Definition: <c>docs/signals/dora.md</c>.
/// </summary>
public sealed class RecoveryTime : ISignal
{
    /// <inheritdoc />
    public string Name => "dora.recovery_time";

    /// <inheritdoc />
    public string Description => "Failed deployment recovery time: deployment finished → caused incident resolved, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attributed = await AttributedIncidents.LoadAsync(request, cancellationToken);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var (incident, cause) in attributed.Incidents)
        {
            // An explicit link may name a staging deployment: it caused the incident, but recovery from a failed
            // deployment is a production measure.
            if (incident.ResolvedAt is { } resolved && cause >= 0
                && attributed.Deployments[cause] is var deployment && request.IsProduction(deployment.Environment)
                && request.TeamOfDeployment(deployment.Repository, incident.Service) is { } team)
            {
                collectors[team.Id].Add(resolved, Math.Max(0, (resolved - deployment.DeployedAt).TotalSeconds));
            }
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeriesWithInterval(Name, Labels.Of(new Label("team", t.Id)), Unit, request.Aggregator))
            .ToList();
    }
}
