using Analytics.Signals.Series;

namespace Analytics.Signals.OnCall;

/// <summary>
/// <c>oncall.pages</c>: incidents each person responded to per window, per team running the incident's service (the team's
/// members with none show 0). A person-level signal: it measures load on people. Definition: <c>docs/signals/oncall.md</c>.
/// </summary>
public sealed class OnCallPages : ISignal
{
    /// <inheritdoc />
    public string Name => "oncall.pages";

    /// <inheritdoc />
    public string Description => "Incidents each responder responded to per window, per team running the service.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pages.PerPerson(this, await Pages.ComputeAsync(request, (_, _, _) => true, cancellationToken));
    }
}
