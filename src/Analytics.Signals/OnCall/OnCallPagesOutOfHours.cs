using Analytics.Signals.Series;

namespace Analytics.Signals.OnCall;

/// <summary>
/// <c>oncall.pages_out_of_hours</c>: the pages of <c>oncall.pages</c> whose incident opened outside the team's working
/// hours (by default 09:00–18:00, Monday to Friday, in the team's time zone). Definition: <c>docs/signals/oncall.md</c>.
/// </summary>
/// <param name="workingHours">The working hours; null for <see cref="WorkingHours.Default"/>.</param>
public sealed class OnCallPagesOutOfHours(WorkingHours? workingHours = null) : ISignal
{
    private readonly WorkingHours _hours = workingHours ?? WorkingHours.Default;

    /// <inheritdoc />
    public string Name => "oncall.pages_out_of_hours";

    /// <inheritdoc />
    public string Description => "Incidents each responder responded to that opened outside 09:00–18:00 Mon–Fri in the team's time zone.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pages.PerPerson(this, await Pages.ComputeAsync(request, (incident, team) => !_hours.Contains(incident.CreatedAt, team.TimeZone), cancellationToken));
    }
}
