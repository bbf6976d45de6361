using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub;

/// <summary>Everything read for one repository before any of it is written (so a failure writes nothing).</summary>
internal sealed class RepositoryBatch
{
    public List<PullRequest> PullRequests { get; } = [];

    public List<Review> Reviews { get; } = [];

    public List<ReviewComment> ReviewComments { get; } = [];

    public List<PullRequestCommit> Commits { get; } = [];

    public List<PullRequestFile> Files { get; } = [];

    /// <summary>Things read but not stored whole (a list GitHub truncates), said in the result.</summary>
    public List<string> Warnings { get; } = [];

    public List<WorkflowRun> Runs { get; } = [];

    public List<CiJob> Jobs { get; } = [];

    public List<CiStep> Steps { get; } = [];

    public List<Deployment> Deployments { get; } = [];

    public Dictionary<string, Identity> Accounts { get; } = new(StringComparer.Ordinal);
}
