using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>A submitted review of a pull request. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id there.</param>
/// <param name="PullRequestId">The reviewed pull request's <see cref="PullRequest.SourceId"/>.</param>
/// <param name="Reviewer">The reviewer's account in <see cref="Source"/>.</param>
/// <param name="State">The verdict.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
public sealed record Review(
    string Source,
    string SourceId,
    string PullRequestId,
    string Reviewer,
    ReviewState State,
    DateTimeOffset SubmittedAt) : IRecord
{
    /// <summary>Its id there.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>The reviewed pull request.</summary>
    public string PullRequestId { get; init => field = Guard.NotBlank(value, nameof(PullRequestId)); } = Guard.NotBlank(PullRequestId);
}
