using Analytics.Signals.Series;

namespace Analytics.Signals.Incidents;

/// <summary>
/// <c>incidents.count</c>: incidents opened per window, per team, service and severity (the frequency that MTTx hides).
/// Definition: <c>docs/signals/incidents.md</c>.
/// </summary>
public sealed class IncidentCount : ISignal
{
    /// <inheritdoc />
    public string Name => "incidents.count";

    /// <inheritdoc />
    public string Description => "Incidents opened per window, per team, service and severity.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IncidentWindows.ComputeAsync(this, request, i => (i.CreatedAt, 1), (values, labels) => values.ToSeries(Name, labels, Unit, v => v.Count), cancellationToken);
    }
}
