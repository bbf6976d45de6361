using Analytics.Domain.Common;
using Analytics.Signals.Attribution;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Dora;

/// <summary>
/// <c>dora.change_failure_rate</c>: the share of successful production deployments in each window that caused at least
/// one incident (as <see cref="IncidentAttribution"/> decides: an explicit link, else the look-back window), per team,
/// with a Wilson 95% interval. Definition: <c>docs/signals/dora.md</c>.
/// </summary>
public sealed class ChangeFailureRate : ISignal
{
    /// <inheritdoc />
    public string Name => "dora.change_failure_rate";

    /// <inheritdoc />
    public string Description => "Share of production deployments linked to an incident, per window, per team (Wilson 95% interval).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The deployments blamed for the incidents that matter to the period (AttributedIncidents: by period, not every
        // deployment and incident of the store).
        var attributed = await AttributedIncidents.LoadAsync(request, cancellationToken);
        var failed = attributed.Incidents
            .Where(i => i.Cause >= 0)
            .Select(i => (attributed.Deployments[i.Cause].Source, attributed.Deployments[i.Cause].SourceId))
            .ToHashSet();

        var collectors = WindowedValues.PerTeam(request);
        foreach (var deployment in await ProductionDeployments.LoadAsync(request, AttributedIncidents.CountedSince(request), cancellationToken))
        {
            collectors[deployment.Team.Id].Add(deployment.At, failed.Contains((deployment.Source, deployment.SourceId)) ? 1 : 0);
        }

        return request.Teams.Select(team =>
        {
            var windows = collectors[team.Id].Windows;
            var points = windows.Select((w, i) =>
            {
                var outcomes = collectors[team.Id].ValuesIn(i);
                var failures = (int)outcomes.Sum();
                var interval = Wilson.Interval(failures, outcomes.Count);
                return new SeriesPoint(w, outcomes.Count == 0 ? null : (double)failures / outcomes.Count, outcomes.Count, interval?.Low, interval?.High);
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
