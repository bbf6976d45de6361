using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub.Webhooks;

/// <summary>
/// The domain records one webhook delivery describes, mapped with the same code as the REST collector (the payloads embed
/// the same objects), so a record from a webhook equals the record a later REST sync writes for the same state.
/// </summary>
/// <param name="Repositories">The repository the event happened in.</param>
/// <param name="Identities">The accounts seen in the payload.</param>
/// <param name="PullRequests">A pull request (from <c>pull_request</c> events only: review events carry the list shape, without sizes).</param>
/// <param name="Reviews">A submitted review.</param>
/// <param name="WorkflowRuns">One workflow run attempt.</param>
/// <param name="CiJobs">One job of a run attempt.</param>
/// <param name="CiSteps">That job's steps.</param>
public sealed record GitHubWebhookRecords(
    IReadOnlyList<Repository> Repositories,
    IReadOnlyList<Identity> Identities,
    IReadOnlyList<PullRequest> PullRequests,
    IReadOnlyList<Review> Reviews,
    IReadOnlyList<WorkflowRun> WorkflowRuns,
    IReadOnlyList<CiJob> CiJobs,
    IReadOnlyList<CiStep> CiSteps)
{
    /// <summary>How many records in all.</summary>
    public int Count => Repositories.Count + Identities.Count + PullRequests.Count + Reviews.Count + WorkflowRuns.Count + CiJobs.Count + CiSteps.Count;
}
