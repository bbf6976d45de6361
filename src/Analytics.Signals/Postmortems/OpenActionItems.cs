using Analytics.Signals.Series;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// <c>postmortems.open_actions</c>: postmortem action items (tickets with an action label mentioning one of the team's
/// incidents) open at the end of each window, per team. Definition: <c>docs/signals/postmortems.md</c>.
/// </summary>
public sealed class OpenActionItems : ISignal
{
    /// <inheritdoc />
    public string Name => "postmortems.open_actions";

    /// <inheritdoc />
    public string Description => "Postmortem action items open at the end of each window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostmortemSignal.ComputeAsync(this, request, (window, _, actions) =>
        {
            var open = actions.Count(a => a.OpenAt(window.End));
            return (open, open);
        }, cancellationToken);
    }
}
