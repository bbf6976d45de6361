namespace Analytics.Collectors.GitHub;

/// <summary>What a sync did for one repository.</summary>
/// <param name="Repository">The repository as configured (<c>owner/name</c>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="RenamedTo">Its current name when GitHub redirected (a renamed or transferred repository), else null.</param>
/// <param name="PullRequests">Pull requests new or updated upstream since the last sync.</param>
/// <param name="WorkflowRuns">Workflow-run attempts read.</param>
/// <param name="Jobs">CI jobs read.</param>
/// <param name="Deployments">Deployments read.</param>
/// <param name="Changed">Records new or changed in the store.</param>
/// <param name="Message">Why it failed or was skipped, and what is missing; null when synced.</param>
public sealed record GitHubRepositoryResult(
    string Repository,
    GitHubRepositoryStatus Status,
    string? RenamedTo,
    int PullRequests,
    int WorkflowRuns,
    int Jobs,
    int Deployments,
    int Changed,
    string? Message)
{
    /// <summary>What a synced repository could not store whole (such as pull requests with more files than GitHub lists); empty when nothing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Test reports from run artifacts stored (see <see cref="GitHubOptions.ArtifactPatterns"/>).</summary>
    public int TestReports { get; init; }

    /// <summary>Pull requests and workflow runs deleted because GitHub no longer lists them (full refresh only).</summary>
    public int Removed { get; init; }
}
