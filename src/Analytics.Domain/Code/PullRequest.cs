using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>A pull (or merge) request. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there; the GitHub collector uses <c>owner/name#number</c>.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Number">Its number in the repository.</param>
/// <param name="Title">Its title.</param>
/// <param name="State">Open, closed or merged.</param>
/// <param name="IsDraft">Whether it is marked as a draft.</param>
/// <param name="Author">The author's account in <see cref="Source"/> (a login); see <see cref="People.Identity"/>.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed upstream; incremental sync reads this.</param>
/// <param name="MergedAt">When it was merged, if it was.</param>
/// <param name="ClosedAt">When it was closed (merged ones included), if it was.</param>
/// <param name="BaseRef">The branch it merges into.</param>
/// <param name="HeadRef">The branch it merges from.</param>
/// <param name="Additions">Lines added.</param>
/// <param name="Deletions">Lines deleted.</param>
/// <param name="ChangedFiles">Files changed.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="MergeCommitSha">The commit its merge produced, if merged.</param>
public sealed record PullRequest(
    string Source,
    string SourceId,
    string Repository,
    int Number,
    string Title,
    PullRequestState State,
    bool IsDraft,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? MergedAt,
    DateTimeOffset? ClosedAt,
    string BaseRef,
    string HeadRef,
    int Additions,
    int Deletions,
    int ChangedFiles,
    ValueList<string> Labels,
    string? MergeCommitSha) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>Its number in the repository, from 1.</summary>
    public int Number { get; init => field = Guard.Positive(value, nameof(Number)); } = Guard.Positive(Number);

    /// <summary>When it was merged; never before it was opened.</summary>
    public DateTimeOffset? MergedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(MergedAt), nameof(CreatedAt)); } = Guard.NotBefore(MergedAt, CreatedAt);

    /// <summary>When it was closed; never before it was opened.</summary>
    public DateTimeOffset? ClosedAt { get; init => field = Guard.NotBefore(value, CreatedAt, nameof(ClosedAt), nameof(CreatedAt)); } = Guard.NotBefore(ClosedAt, CreatedAt);

    /// <summary>Lines added and deleted: the size measure used by signals.</summary>
    public int ChangedLines => Additions + Deletions;

    /// <summary>Lines added.</summary>
    public int Additions { get; init => field = Guard.NotNegative(value, nameof(Additions)); } = Guard.NotNegative(Additions);

    /// <summary>Lines deleted.</summary>
    public int Deletions { get; init => field = Guard.NotNegative(value, nameof(Deletions)); } = Guard.NotNegative(Deletions);
}
