using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>
/// A comment on a pull request's diff or conversation. Bodies are not kept: signals count comments, they do not
/// read them. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there.</param>
/// <param name="PullRequestId">The pull request's <see cref="PullRequest.SourceId"/>.</param>
/// <param name="ReviewId">The review it belongs to, if any.</param>
/// <param name="Author">The author's account in <see cref="Source"/>.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Path">The file it is attached to, for diff comments.</param>
/// <param name="InReplyToId">The comment it answers, for replies.</param>
public sealed record ReviewComment(
    string Source,
    string SourceId,
    string PullRequestId,
    string? ReviewId,
    string Author,
    DateTimeOffset CreatedAt,
    string? Path,
    string? InReplyToId) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);
}
