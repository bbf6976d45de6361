using Analytics.Signals.Series;
using Analytics.Signals.Statistics;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// <c>postmortems.action_age</c>: the age (since creation) of the postmortem action items open at the end of each window,
/// per team, with the request's aggregator (median by default); no value when none is open. Definition:
/// <c>docs/signals/postmortems.md</c>.
/// </summary>
public sealed class ActionItemAge : ISignal
{
    /// <inheritdoc />
    public string Name => "postmortems.action_age";

    /// <inheritdoc />
    public string Description => "Age of the postmortem action items open at the end of each window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostmortemSignal.ComputeAsync(this, request, (window, _, actions) =>
        {
            var ages = actions.Where(a => a.OpenAt(window.End)).Select(a => (window.End - a.CreatedAt).TotalSeconds).ToList();
            return (request.Aggregator.Apply(ages), ages.Count);
        }, cancellationToken);
    }
}
