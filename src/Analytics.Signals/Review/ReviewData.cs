using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Review;

/// <summary>
/// Loads what the review signals read: the pull requests of the teams' repositories that could matter in the period
/// (opened before its end and not closed before its start), with their reviews and comments: the pull requests are read
/// bounded by the period, their reviews and comments by pull request (<see cref="PullRequestChildren"/>), so the cost
/// follows the period, not the history.
/// </summary>
internal static class ReviewData
{
    public static async Task<IReadOnlyList<ReviewedPullRequest>> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        // Relevant: opened before the period's end and not closed before the week before its start (the first window
        // may start up to a week before the period). Two bounded reads instead of the whole table: those closed since
        // then, and those still open (a pull request without closed_at is open: every source sets both together).
        var since = request.From.AddDays(-7);
        var pullRequests = new Dictionary<string, (PullRequest PullRequest, Team Team)>(StringComparer.Ordinal);
        // Each read in the order of its index (the list is put in key order below): SQLite, which has no statistics,
        // would otherwise scan the primary key to spare the sort.
        var closed = StoreQuery.All.Since("closed_at", since).Before("created_at", request.To).OrderedBy("closed_at");
        var open = StoreQuery.All.Where("state", PullRequestState.Open).Before("created_at", request.To).OrderedBy("created_at");
        foreach (var query in new[] { closed, open })
        {
            await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, query, cancellationToken))
            {
                if (pr.CreatedAt < request.To && (pr.ClosedAt is null || pr.ClosedAt >= since)
                    && request.OwnerOf(pr.Repository) is { } team)
                {
                    pullRequests[Key(pr.Source, pr.SourceId)] = (pr, team);
                }
            }
        }

        var selected = pullRequests.Values.Select(v => v.PullRequest).ToList();
        var reviews = new Dictionary<string, List<Domain.Code.Review>>(StringComparer.Ordinal);
        await foreach (var review in PullRequestChildren.ReadAsync(request.Store, Entities.Reviews, selected, cancellationToken))
        {
            var key = Key(review.Source, review.PullRequestId);
            (reviews.TryGetValue(key, out var list) ? list : reviews[key] = []).Add(review);
        }

        var comments = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        await foreach (var comment in PullRequestChildren.ReadAsync(request.Store, Entities.ReviewComments, selected, cancellationToken))
        {
            var key = Key(comment.Source, comment.PullRequestId);
            (comments.TryGetValue(key, out var list) ? list : comments[key] = []).Add(comment.CreatedAt);
        }

        // In key order (ordinal), whichever read brought each: the review signals count, sort or average integers, so
        // order does not change their values, but a fixed order keeps the list reproducible.
        return pullRequests.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry =>
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
