namespace Analytics.Domain.Code;

/// <summary>Where a pull request stands. A merged pull request is also closed, but is reported as merged.</summary>
public enum PullRequestState
{
    /// <summary>Open for review (drafts included; see <see cref="PullRequest.IsDraft"/>).</summary>
    Open,

    /// <summary>Closed without being merged.</summary>
    Closed,

    /// <summary>Merged into its base branch.</summary>
    Merged,
}
