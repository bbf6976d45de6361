using Analytics.Signals.Series;

namespace Analytics.Signals.Incidents;

/// <summary>
/// <c>incidents.time_to_resolve</c> (MTTR): opened → resolved, over incidents resolved in each window, per team, service
/// and severity, with the request's aggregator and a bootstrap 95% interval. Definition: <c>docs/signals/incidents.md</c>.
/// </summary>
public sealed class TimeToResolve : ISignal
{
    /// <inheritdoc />
    public string Name => "incidents.time_to_resolve";

    /// <inheritdoc />
    public string Description => "Time from an incident opening to its resolution (MTTR), per team, service and severity.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IncidentWindows.ComputeAsync(
            this,
            request,
            i => i.ResolvedAt is { } at ? (at, (at - i.CreatedAt).TotalSeconds) : null,
            (values, labels) => values.ToSeriesWithInterval(Name, labels, Unit, request.Aggregator),
            cancellationToken);
    }
}
