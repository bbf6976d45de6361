using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>
/// A commit that belongs to a pull request; the earliest one starts the change's coding time.
/// Keyed by (<see cref="Source"/>, <see cref="PullRequestId"/>, <see cref="Sha"/>).
/// </summary>
/// <param name="Source">The system it came from.</param>
/// <param name="PullRequestId">The pull request's <see cref="PullRequest.SourceId"/>.</param>
/// <param name="Sha">The commit's hash.</param>
/// <param name="Author">The author's account in <see cref="Source"/>, when the commit is linked to one.</param>
/// <param name="AuthoredAt">When it was authored.</param>
public sealed record PullRequestCommit(
    string Source,
    string PullRequestId,
    string Sha,
    string? Author,
    DateTimeOffset AuthoredAt) : IRecord
{
    /// <summary>The pull request.</summary>
    public string PullRequestId { get; init => field = Guard.NotBlank(value, nameof(PullRequestId)); } = Guard.NotBlank(PullRequestId);

    /// <summary>The commit's hash.</summary>
    public string Sha { get; init => field = Guard.NotBlank(value, nameof(Sha)); } = Guard.NotBlank(Sha);
}
