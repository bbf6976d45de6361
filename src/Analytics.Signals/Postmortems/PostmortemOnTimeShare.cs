using Analytics.Signals.Series;

namespace Analytics.Signals.Postmortems;

/// <summary>
/// <c>postmortems.on_time_share</c>: of the incidents whose postmortem fell due in each window (at or above the team's
/// minimum severity, due a number of business days after resolution), the share that had one by then, per team.
/// Definition: <c>docs/signals/postmortems.md</c>.
/// </summary>
public sealed class PostmortemOnTimeShare : ISignal
{
    /// <inheritdoc />
    public string Name => "postmortems.on_time_share";

    /// <inheritdoc />
    public string Description => "Share of incidents needing a postmortem that got one within the allowed business days, by due date, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostmortemSignal.ComputeAsync(this, request, (window, cases, _) =>
        {
            var due = cases.Where(c => window.Contains(c.DueAt)).ToList();
            return (due.Count > 0 ? due.Count(c => c.OnTime) / (double)due.Count : null, due.Count);
        }, cancellationToken);
    }
}
