using Analytics.Domain.Common;
using Analytics.Signals.Attribution;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;
using Analytics.Storage.Schema;

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
        var attribution = await IncidentAttribution.LoadAsync(request, cancellationToken);
        var failed = new HashSet<(string, string)>();
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, cancellationToken))
        {
            if (attribution.Attribute(incident) is { } cause)
            {
                failed.Add((cause.Deployment.Source, cause.Deployment.SourceId));
            }
        }

        var collectors = WindowedValues.PerTeam(request);
        foreach (var (deployment, team, at) in await ProductionDeployments.LoadAsync(request, request.From.AddDays(-7), cancellationToken))
        {
            collectors[team.Id].Add(at, failed.Contains((deployment.Source, deployment.SourceId)) ? 1 : 0);
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
