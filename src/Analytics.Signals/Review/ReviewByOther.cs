using Analytics.Domain.Code;

namespace Analytics.Signals.Review;

/// <summary>What the review signals use of a review by someone other than the pull request's author.</summary>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="State">Its verdict.</param>
/// <param name="Reviewer">The reviewer's person id, or the account when it resolves to no person.</param>
internal readonly record struct ReviewByOther(DateTimeOffset SubmittedAt, ReviewState State, string Reviewer);
