using Analytics.Domain.People;

namespace Analytics.Signals.CiCost;

/// <summary>
/// What the CI cost signals group a job by, shared by every job of one run: its repository's owner, the repository and
/// its run's workflow. Equality is by value (the team by record equality).
/// </summary>
/// <param name="Team">The team owning the repository.</param>
/// <param name="Repository">The repository's full name, as stored.</param>
/// <param name="Workflow">The workflow of the job's run (<c>unknown</c> when the store has no such run).</param>
internal readonly record struct JobKind(Team Team, string Repository, string Workflow);
