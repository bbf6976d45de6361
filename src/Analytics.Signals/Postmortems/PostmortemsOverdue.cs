using Analytics.Signals.Series;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// <c>postmortems.overdue</c>: at the end of each window, the incidents whose postmortem is past due and still missing,
/// per team. Definition: <c>docs/signals/postmortems.md</c>.
/// </summary>
public sealed class PostmortemsOverdue : ISignal
{
    /// <inheritdoc />
    public string Name => "postmortems.overdue";

    /// <inheritdoc />
    public string Description => "Incidents whose postmortem is past due and missing at the end of each window, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostmortemSignal.ComputeAsync(this, request, (window, cases, _) =>
        {
            var needed = cases.Count(c => c.Incident.ResolvedAt < window.End);
            return (cases.Count(c => c.OverdueAt(window.End)), needed);
        }, cancellationToken);
    }
}
