using Analytics.Signals.Series;

namespace Analytics.Signals.Incidents;

/// <summary>
/// <c>incidents.time_to_acknowledge</c> (MTTA): opened → first acknowledged, over incidents acknowledged in each window,
/// per team, service and severity, with the request's aggregator and a bootstrap 95% interval. Definition:
/// <c>docs/signals/incidents.md</c>.
/// </summary>
public sealed class TimeToAcknowledge : ISignal
{
    /// <inheritdoc />
    public string Name => "incidents.time_to_acknowledge";

    /// <inheritdoc />
    public string Description => "Time from an incident opening to its first acknowledgement (MTTA), per team, service and severity.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IncidentWindows.ComputeAsync(
            this,
            request,
            i => i.AcknowledgedAt is { } at ? (at, (at - i.CreatedAt).TotalSeconds) : null,
            (values, labels) => values.ToSeriesWithInterval(Name, labels, Unit, request.Aggregator),
            cancellationToken);
    }
}
