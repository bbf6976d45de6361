using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>One file changed by a commit. Keyed by (<see cref="Repository"/>, <see cref="Sha"/>, <see cref="Path"/>).</summary>
/// <param name="Source">The system that brought it last.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Sha">The commit's hash.</param>
/// <param name="Path">The file's path after the change.</param>
/// <param name="OldPath">The path it was renamed or copied from.</param>
/// <param name="Kind">What the commit did to it.</param>
/// <param name="Additions">Lines added; null for a binary file.</param>
/// <param name="Deletions">Lines deleted; null for a binary file.</param>
public sealed record FileChange(
    string Source,
    string Repository,
    string Sha,
    string Path,
    string? OldPath,
    FileChangeKind Kind,
    int? Additions,
    int? Deletions) : IRecord
{
    /// <summary>The file's path after the change.</summary>
    public string Path { get; init => field = Guard.NotBlank(value, nameof(Path)); } = Guard.NotBlank(Path);

    /// <summary>The commit's hash.</summary>
    public string Sha { get; init => field = Guard.NotBlank(value, nameof(Sha)); } = Guard.NotBlank(Sha);
}
