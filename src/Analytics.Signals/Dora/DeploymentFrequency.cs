using Analytics.Signals.Series;

namespace Analytics.Signals.Dora;

/// <summary>
/// <c>dora.deployment_frequency</c>: successful production deployments per window, per team. Definition:
/// <c>docs/signals/dora.md</c>.
/// </summary>
public sealed class DeploymentFrequency : ISignal
{
    /// <inheritdoc />
    public string Name => "dora.deployment_frequency";

    /// <inheritdoc />
    public string Description => "Successful production deployments per window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var collectors = WindowedValues.PerTeam(request);
        foreach (var deployment in await ProductionDeployments.LoadAsync(request, request.From.AddDays(-7), cancellationToken))
        {
            collectors[deployment.Team.Id].Add(deployment.At, 1);
        }

        return request.Teams
            .Select(t => collectors[t.Id].ToSeries(Name, Labels.Of(new Label("team", t.Id)), Unit, values => values.Count))
            .ToList();
    }
}
