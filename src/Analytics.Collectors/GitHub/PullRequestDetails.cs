using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub;

/// <summary>One pull request read whole: itself, its reviews, review comments, commits and files, and the accounts seen.</summary>
internal sealed record PullRequestDetails(
    PullRequest PullRequest,
    List<Review> Reviews,
    List<ReviewComment> Comments,
    List<PullRequestCommit> Commits,
    List<PullRequestFile> Files,
    Dictionary<string, Identity> Accounts);
