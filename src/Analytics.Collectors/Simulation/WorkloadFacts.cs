using Analytics.Domain.Common;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// What the simulation planted for the CI-cost, off-hours and onboarding signals, so tests and demos can check that the
/// signals find it.
/// </summary>
/// <param name="MacRepository">The repository whose CI jobs run on macOS runners (<c>macos-14</c>), so its cost differs.</param>
/// <param name="NightPagedTeam">The team paged at night every other week on top of its usual incidents.</param>
/// <param name="LateCommitters">The member ids of two people in that team who mostly commit late in the evening or at weekends.</param>
/// <param name="Joiners">
/// The joiners' teams, member ids and joining days: first one whose first pull request merges two days after joining,
/// then one for whom it takes 16 days (each left out when the history starts after their joining day).
/// </param>
public sealed record WorkloadFacts(
    string MacRepository,
    string NightPagedTeam,
    ValueList<string> LateCommitters,
    ValueList<(string Team, string Member, DateOnly Joined)> Joiners);
