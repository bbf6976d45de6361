namespace Analytics.Collectors.Git;

/// <summary>What a local clone says about itself.</summary>
/// <param name="Path">The clone's folder (absolute).</param>
/// <param name="Name">
/// The repository's full name: <c>owner/name</c> (the whole path, so GitLab sub-groups stay) from
/// <c>remote.origin.url</c>, else the folder's name without <c>.git</c>.
/// </param>
/// <param name="RemoteUrl"><c>remote.origin.url</c> with any user and password removed; null without a remote.</param>
/// <param name="HeadSha">The commit HEAD names; null in a repository without commits.</param>
/// <param name="DefaultBranch">
/// The branch <c>origin/HEAD</c> points to, else the branch HEAD is on; null when HEAD is detached and there is no
/// <c>origin/HEAD</c>.
/// </param>
public sealed record GitRepositoryInfo(
    string Path,
    string Name,
    string? RemoteUrl,
    string? HeadSha,
    string? DefaultBranch);
