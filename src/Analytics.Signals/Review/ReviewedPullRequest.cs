using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Signals.Review;

/// <summary>A pull request of a team with the reviews and comments by people other than its author (bots left out).</summary>
/// <param name="PullRequest">The pull request.</param>
/// <param name="Team">The team owning its repository.</param>
/// <param name="Author">Its author, resolved to a person (null when the account is unknown).</param>
/// <param name="Reviews">Reviews by people other than the author, oldest first.</param>
/// <param name="Activity">Instants of every known activity on it: creation, reviews and comments (anyone's).</param>
internal sealed record ReviewedPullRequest(
    PullRequest PullRequest,
    Team Team,
    Person? Author,
    IReadOnlyList<(Domain.Code.Review Review, Person? Reviewer)> Reviews,
    IReadOnlyList<DateTimeOffset> Activity);
