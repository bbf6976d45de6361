using Analytics.Domain.People;

namespace Analytics.Signals.Ci;

/// <summary>What one read of the store gives the CI signals of a request (see <see cref="CiRuns.ReadAsync"/>).</summary>
/// <param name="Runs">
/// The run attempts (with their owning team and branch label) of the teams' repositories queued from <see cref="CiRuns.Margin"/> before the request's first window to
/// <see cref="CiRuns.Margin"/> after its last, ordered by time queued, then repository, run,
/// attempt and source (ordinal), so results do not depend on the store's order.
/// </param>
/// <param name="DefaultBranches">Each stored repository's default branch, by full name (any case).</param>
/// <param name="Owners">The team owning each of the request's repositories, by full name (any case; the first team listing it).</param>
/// <param name="Repositories">The repository names the store is asked for: the teams' names and the stored names equal to one of them ignoring case.</param>
internal sealed record CiRunSet(
    IReadOnlyList<CiRun> Runs,
    IReadOnlyDictionary<string, string> DefaultBranches,
    IReadOnlyDictionary<string, Team> Owners,
    IReadOnlyList<string> Repositories);
