using Analytics.Domain.People;

namespace Analytics.Signals.Review;

/// <summary>
/// What the review signals use of a team's pull request, with the reviews by people other than its author (bots left
/// out). The instants of its activity are read only when asked for (<see cref="ReviewData.ActivityAsync"/>).
/// </summary>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="MergedAt">When it was merged, if it was.</param>
/// <param name="ClosedAt">When it was closed (merged included), if it was.</param>
/// <param name="IsDraft">Whether it is a draft.</param>
/// <param name="Team">The team owning its repository.</param>
/// <param name="Author">Its author, resolved to a person (null when the account is unknown).</param>
/// <param name="Reviews">Reviews by people other than the author, oldest first.</param>
internal sealed record ReviewedPullRequest(
    DateTimeOffset CreatedAt,
    DateTimeOffset? MergedAt,
    DateTimeOffset? ClosedAt,
    bool IsDraft,
    Team Team,
    Person? Author,
    IReadOnlyList<ReviewByOther> Reviews);
