using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>
/// One file a pull request changes, over the whole pull request (its base against its head), unlike a
/// <see cref="FileChange"/>, which is one commit's change. Keyed by (<see cref="Source"/>, <see cref="PullRequestId"/>,
/// <see cref="Path"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="PullRequestId">The pull request's <see cref="PullRequest.SourceId"/>.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Path">The file's path after the change.</param>
/// <param name="OldPath">The path it was renamed or copied from.</param>
/// <param name="Kind">What the pull request does to it.</param>
/// <param name="Additions">Lines added (0 for a binary file).</param>
/// <param name="Deletions">Lines deleted (0 for a binary file).</param>
public sealed record PullRequestFile(
    string Source,
    string PullRequestId,
    string Repository,
    string Path,
    string? OldPath,
    FileChangeKind Kind,
    int Additions,
    int Deletions) : IRecord
{
    /// <summary>The pull request.</summary>
    public string PullRequestId { get; init => field = Guard.NotBlank(value, nameof(PullRequestId)); } = Guard.NotBlank(PullRequestId);

    /// <summary>The file's path after the change.</summary>
    public string Path { get; init => field = Guard.NotBlank(value, nameof(Path)); } = Guard.NotBlank(Path);

    /// <summary>Lines added.</summary>
    public int Additions { get; init => field = Guard.NotNegative(value, nameof(Additions)); } = Guard.NotNegative(Additions);

    /// <summary>Lines deleted.</summary>
    public int Deletions { get; init => field = Guard.NotNegative(value, nameof(Deletions)); } = Guard.NotNegative(Deletions);
}
