using Analytics.Domain.People;

namespace Analytics.Signals.Membership;

/// <summary>
/// Each person's working hours and time zone for the request's teams: a member's own <see cref="TeamMember.TimeZone"/>
/// and <see cref="TeamMember.WorkingHours"/> when the teams file sets them, else their team's
/// (<see cref="Team.TimeZone"/>, <see cref="Team.WorkingHours"/>). Anyone else active for a team (a responder who is in
/// no team, an account nobody knows) is taken to work the team's hours.
/// </summary>
internal sealed class WorkingSchedules
{
    private readonly Dictionary<(string Team, string Person), (string TimeZone, WorkingHours Hours)> _members = [];

    public WorkingSchedules(SignalRequest request, TeamMembership membership)
    {
        foreach (var team in request.Teams)
        {
            foreach (var member in team.Members)
            {
                _members.TryAdd((team.Id, membership.KeyOf(member)), (member.TimeZone ?? team.TimeZone, member.WorkingHours ?? team.WorkingHours));
            }
        }
    }

    /// <summary>The time zone and working hours of <paramref name="person"/> (a person key) working for <paramref name="team"/>.</summary>
    public (string TimeZone, WorkingHours Hours) Of(Team team, string person) =>
        _members.TryGetValue((team.Id, person), out var schedule) ? schedule : (team.TimeZone, team.WorkingHours);
}
