namespace Analytics.Collectors.Simulation;

/// <summary>Something that starts a workflow: a push to a pull request, a merge to main, or a weekly release.</summary>
/// <param name="At">When it happens.</param>
/// <param name="Repo">The repository.</param>
/// <param name="Sha">The commit, null for a release (it ships the latest green main commit).</param>
/// <param name="Branch">The branch.</param>
/// <param name="IsPullRequest">Whether it is a push to a pull request.</param>
/// <param name="IsFirstPush">Whether it is a pull request's first push, where genuine failures are likelier.</param>
/// <param name="IsRelease">Whether it is a weekly release.</param>
internal sealed record CiTrigger(
    DateTimeOffset At,
    SimRepo Repo,
    string? Sha,
    string Branch,
    bool IsPullRequest,
    bool IsFirstPush,
    bool IsRelease);
