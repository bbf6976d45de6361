using Analytics.Domain.Ci;
using Analytics.Domain.People;

namespace Analytics.Signals.Ci;

/// <summary>
/// One run attempt as the CI signals use it: the fields they read, taken from a columnar read (no head commit, no URL),
/// with its owning team and its <c>branch</c> label decided once. Texts are the read's own strings (one instance per
/// distinct value), and <see cref="RunCode"/> names the run (source, repository and run id) so attempts group by an
/// integer. Equality is by value.
/// </summary>
/// <param name="Team">The team owning the repository.</param>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name, as stored.</param>
/// <param name="RunId">The run's id in the source.</param>
/// <param name="Attempt">The attempt number, 1 for the first.</param>
/// <param name="Workflow">The workflow's name.</param>
/// <param name="Branch">The <c>branch</c> label (<see cref="CiRuns.BranchLabel"/>).</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Conclusion">How it ended, once completed.</param>
/// <param name="QueuedAt">When it was queued (UTC).</param>
/// <param name="StartedAt">When this attempt started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC).</param>
/// <param name="RunCode">Equal for the attempts of one run (same source, repository and run id) within one read.</param>
internal readonly record struct CiRun(
    Team Team,
    string Source,
    string Repository,
    string RunId,
    int Attempt,
    string Workflow,
    string Branch,
    RunStatus Status,
    RunConclusion? Conclusion,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int RunCode)
{
    /// <summary>Start to finish, as <see cref="WorkflowRun.Duration"/>; null until both are known.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
