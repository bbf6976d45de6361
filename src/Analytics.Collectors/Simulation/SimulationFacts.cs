using Analytics.Domain.Common;

namespace Analytics.Collectors.Simulation;

/// <summary>What the simulation planted in the data, so tests and demos can check that signals find it.</summary>
/// <param name="Bots">GitHub logins of the bots that open dependency pull requests.</param>
/// <param name="FlakyTests">Tests that fail now and then (5–15% of executions) and pass when re-run on the same commit.</param>
/// <param name="FlakyFailureRates">The failure probability of each of <paramref name="FlakyTests"/>, in the same order.</param>
/// <param name="BrokenTest">A test that fails on every execution between <paramref name="BrokenFrom"/> and <paramref name="BrokenUntil"/>.</param>
/// <param name="BrokenFrom">When the broken test started failing (runs first queued from this instant on).</param>
/// <param name="BrokenUntil">When it was fixed (runs first queued before this instant still fail).</param>
/// <param name="SlowedRepository">The repository whose CI workflow became slower.</param>
/// <param name="SlowedWorkflow">The workflow that became slower.</param>
/// <param name="SlowdownAt">The change point: runs queued from this instant on are slower, and stay so.</param>
/// <param name="SlowdownFactor">How much longer builds and tests take after the change point.</param>
/// <param name="OverloadedReviewer">The GitHub login of the reviewer who does about 40% of their team's reviews.</param>
/// <param name="OverloadedReviewerTeam">That reviewer's team id.</param>
/// <param name="SiloRepository">The repository holding the knowledge silo.</param>
/// <param name="SiloFolder">The folder (no trailing slash) that only one person ever changes.</param>
/// <param name="SiloAuthorEmail">The git e-mail of that person, the folder's only commit author.</param>
/// <param name="SiloAuthorLogin">The GitHub login of that person.</param>
/// <param name="LeaverLogin">The GitHub login of the person who left; they are no longer in any team's members.</param>
/// <param name="LeaverPersonHint">The <see cref="Domain.People.Identity.PersonHint"/> that merges the leaver's accounts.</param>
/// <param name="LeftAt">When they left; they have no activity afterwards.</param>
/// <param name="IncidentRiseTeam">The team whose incidents rise in the last quarter.</param>
/// <param name="IncidentRiseFrom">When the rise starts.</param>
public sealed record SimulationFacts(
    ValueList<string> Bots,
    ValueList<PlantedTest> FlakyTests,
    ValueList<double> FlakyFailureRates,
    PlantedTest BrokenTest,
    DateTimeOffset BrokenFrom,
    DateTimeOffset BrokenUntil,
    string SlowedRepository,
    string SlowedWorkflow,
    DateTimeOffset SlowdownAt,
    double SlowdownFactor,
    string OverloadedReviewer,
    string OverloadedReviewerTeam,
    string SiloRepository,
    string SiloFolder,
    string SiloAuthorEmail,
    string SiloAuthorLogin,
    string LeaverLogin,
    string LeaverPersonHint,
    DateTimeOffset LeftAt,
    string IncidentRiseTeam,
    DateTimeOffset IncidentRiseFrom);
