using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Review;

/// <summary>
/// Loads what the review signals read: the pull requests of the teams' repositories that could matter in the period
/// (opened before its end and not closed before its start), with their reviews and comments.
/// </summary>
internal static class ReviewData
{
    public static async Task<IReadOnlyList<ReviewedPullRequest>> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var pullRequests = new Dictionary<string, (PullRequest PullRequest, Team Team)>(StringComparer.Ordinal);
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, null, cancellationToken))
        {
            if (pr.CreatedAt < request.To && (pr.ClosedAt is null || pr.ClosedAt >= request.From.AddDays(-7))
                && request.OwnerOf(pr.Repository) is { } team)
            {
                pullRequests[Key(pr.Source, pr.SourceId)] = (pr, team);
            }
        }

        var reviews = new Dictionary<string, List<Domain.Code.Review>>(StringComparer.Ordinal);
        await foreach (var review in request.Store.ReadAsync(Entities.Reviews, null, cancellationToken))
        {
            var key = Key(review.Source, review.PullRequestId);
            if (pullRequests.ContainsKey(key))
            {
                (reviews.TryGetValue(key, out var list) ? list : reviews[key] = []).Add(review);
            }
        }

        var comments = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        await foreach (var comment in request.Store.ReadAsync(Entities.ReviewComments, null, cancellationToken))
        {
            var key = Key(comment.Source, comment.PullRequestId);
            if (pullRequests.ContainsKey(key))
            {
                (comments.TryGetValue(key, out var list) ? list : comments[key] = []).Add(comment.CreatedAt);
            }
        }

        return pullRequests.Select(entry =>
        {
            var (pr, team) = entry.Value;
            var author = request.People.Find(pr.Source, pr.Author);
            var byOthers = reviews.GetValueOrDefault(entry.Key, [])
                .Select(r => (Review: r, Reviewer: request.People.Find(r.Source, r.Reviewer)))
                .Where(r => r.Reviewer?.IsBot != true && !SamePerson(r.Reviewer, r.Review.Reviewer, author, pr.Author))
                .OrderBy(r => r.Review.SubmittedAt)
                .ToList();
            var activity = reviews.GetValueOrDefault(entry.Key, []).Select(r => r.SubmittedAt)
                .Concat(comments.GetValueOrDefault(entry.Key, []))
                .Append(pr.CreatedAt)
                .Order()
                .ToList();
            return new ReviewedPullRequest(pr, team, author, byOthers, activity);
        }).ToList();
    }

    private static bool SamePerson(Person? reviewer, string reviewerAccount, Person? author, string authorAccount) =>
        reviewer is not null && author is not null
            ? reviewer.Id == author.Id
            : string.Equals(reviewerAccount, authorAccount, StringComparison.OrdinalIgnoreCase);

    private static string Key(string source, string id) => source + "\u001f" + id;
}
