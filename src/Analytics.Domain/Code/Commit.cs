using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>
/// A commit. Keyed by (<see cref="Repository"/>, <see cref="Sha"/>): the same commit brought by git and by GitHub is
/// one record.
/// </summary>
/// <param name="Source">The system that brought it last.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Sha">The commit's hash.</param>
/// <param name="AuthorName">The author's name as git recorded it (after <c>.mailmap</c>).</param>
/// <param name="AuthorEmail">The author's e-mail as git recorded it (after <c>.mailmap</c>).</param>
/// <param name="AuthoredAt">When it was authored.</param>
/// <param name="CommitterName">The committer's name.</param>
/// <param name="CommitterEmail">The committer's e-mail.</param>
/// <param name="CommittedAt">When it was committed.</param>
/// <param name="ParentCount">Its number of parents: 0 for a root, 2 or more for a merge.</param>
/// <param name="Additions">Lines added over all files.</param>
/// <param name="Deletions">Lines deleted over all files.</param>
/// <param name="Title">The first line of its message.</param>
public sealed record Commit(
    string Source,
    string Repository,
    string Sha,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthoredAt,
    string CommitterName,
    string CommitterEmail,
    DateTimeOffset CommittedAt,
    int ParentCount,
    int Additions,
    int Deletions,
    string Title) : IRecord
{
    /// <summary>The repository's full name.</summary>
    public string Repository { get; init => field = Guard.NotBlank(value, nameof(Repository)); } = Guard.NotBlank(Repository);

    /// <summary>The commit's hash.</summary>
    public string Sha { get; init => field = Guard.NotBlank(value, nameof(Sha)); } = Guard.NotBlank(Sha);

    /// <summary>Whether it merges two or more parents.</summary>
    public bool IsMerge => ParentCount > 1;
}
