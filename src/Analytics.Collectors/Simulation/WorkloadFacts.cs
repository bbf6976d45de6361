using Analytics.Domain.Common;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// What the simulation planted for the CI-cost, off-hours and onboarding signals, so tests and demos can check that the
/// signals find it.
/// </summary>
/// <param name="MacRepository">The repository whose CI jobs run on macOS runners (<c>macos-14</c>), so its cost differs.</param>
/// <param name="NightPagedTeam">The team paged at night every other week on top of its usual incidents.</param>
/// <param name="LateCommitters">The member ids of two people in that team who mostly commit late in the evening or at weekends.</param>
/// <param name="FastJoiner">The member id of a joiner whose first pull request merges two days after joining.</param>
/// <param name="SlowJoiner">The member id of a joiner whose first pull request merges 16 days after joining.</param>
/// <param name="Joiners">Both joiners' teams, ids and joining days, in that order.</param>
public sealed record WorkloadFacts(
    string MacRepository,
    string NightPagedTeam,
    ValueList<string> LateCommitters,
    string FastJoiner,
    string SlowJoiner,
    ValueList<(string Team, string Member, DateOnly Joined)> Joiners);
