using Analytics.Domain.People;
using Analytics.Signals.Membership;
using Analytics.Signals.Series;

namespace Analytics.Signals.OnCall;

/// <summary>
/// <c>oncall.pages_out_of_hours</c>: the pages of <c>oncall.pages</c> whose incident opened outside the responder's
/// working hours, in their time zone, as the teams file configures them (a member's own, else the team's; by default
/// 09:00–18:00, Monday to Friday, in the team's time zone). Definition: <c>docs/signals/oncall.md</c>.
/// </summary>
/// <param name="workingHours">Hours that replace everyone's configured hours (time zones stay each person's); null to use the configuration.</param>
public sealed class OnCallPagesOutOfHours(WorkingHours? workingHours = null) : ISignal
{
    /// <inheritdoc />
    public string Name => "oncall.pages_out_of_hours";

    /// <inheritdoc />
    public string Description => "Incidents each responder responded to that opened outside their working hours (default 09:00–18:00 Mon–Fri) in their time zone.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schedules = new WorkingSchedules(request, new TeamMembership(request));
        return Pages.PerPerson(this, await Pages.ComputeAsync(
            request,
            (incident, team, person) =>
            {
                var (zone, hours) = schedules.Of(team, person);
                return !(workingHours ?? hours).Contains(incident.CreatedAt, zone);
            },
            cancellationToken));
    }
}
