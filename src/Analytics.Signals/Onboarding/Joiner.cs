namespace Analytics.Signals.Onboarding;

/// <summary>A team member who appeared during the history, and when they reached the onboarding milestones.</summary>
/// <param name="Team">Their team's id.</param>
/// <param name="Person">Their person key.</param>
/// <param name="AppearedAt">Their first appearance (see <c>docs/signals/onboarding.md</c>).</param>
/// <param name="FirstMergedAt">When their first pull request was merged, if before the request's end.</param>
/// <param name="FirstReviewAt">When they first reviewed someone else's pull request, if before the request's end.</param>
internal sealed record Joiner(string Team, string Person, DateTimeOffset AppearedAt, DateTimeOffset? FirstMergedAt, DateTimeOffset? FirstReviewAt);
