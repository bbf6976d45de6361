using Analytics.Domain.Code;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Review;

/// <summary>
/// Loads what the review signals read: the pull requests of the teams' repositories that could matter in the period
/// (opened before its end and not closed before its start), with their reviews and comments: the pull requests are read
/// bounded by the period and by the teams' repositories, their reviews and comments by pull request
/// (<see cref="PullRequestChildren"/>), so the cost follows the period, not the history. Every read is columnar
/// (<see cref="IStore.ReadColumnsAsync"/>): only the columns used, no record per row, each distinct account or pull request
/// id resolved once per read (<see cref="CodeLookup{T}"/>).
/// </summary>
internal static class ReviewData
{
    private static readonly string[] PullRequestColumns =
        ["source", "source_id", "repository", "is_draft", "author", "created_at", "merged_at", "closed_at"];

    private static readonly string[] ReviewColumns = ["pull_request_id", "reviewer", "state", "submitted_at"];

    private static readonly string[] CommentColumns = ["pull_request_id", "created_at"];

    /// <summary>
    /// The pull requests the review signals look at, with their reviews; read once per request
    /// (<see cref="SignalRequest.OncePerRequestAsync"/>: the review signals computed together share it). Comments are not
    /// read here: only <c>review.stale_prs</c> needs them (<see cref="ActivityAsync"/>), and they are more than a third of the rows.
    /// </summary>
    public static async Task<IReadOnlyList<ReviewedPullRequest>> LoadAsync(SignalRequest request, CancellationToken cancellationToken) =>
        (await ReadOnceAsync(request, cancellationToken)).PullRequests;

    /// <summary>
    /// The instants of every known activity on each pull request of <see cref="LoadAsync"/> (its opening, every review
    /// and every comment, anyone's, in order): element i is the activity of <see cref="LoadAsync"/>'s element i. Read
    /// once per request, on top of <see cref="LoadAsync"/>'s read (the comments only).
    /// </summary>
    public static Task<IReadOnlyList<DateTimeOffset[]>> ActivityAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(
            ActivityLoad,
            async ct =>
            {
                var read = await ReadOnceAsync(request, ct);
                return ReadActivity(read, await ReadCommentsAsync(request, read, ct));
            },
            cancellationToken);

    /// <summary>Names <see cref="ActivityAsync"/>'s shared load.</summary>
    private const string ActivityLoad = nameof(ReviewData) + ".Activity";

    private static Task<ReviewRead> ReadOnceAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(ReviewData), ct => ReadAsync(request, ct), cancellationToken);

    private static async Task<ReviewRead> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        // Relevant: opened before the period's end and not closed before the week before its start (the first window
        // may start up to a week before the period). Two bounded reads instead of the whole table: those closed since
        // then, and those still open (a pull request without closed_at is open: every source sets both together).
        var since = request.From.AddDays(-7);
        var pullRequests = new List<PullRequestRow>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var idsBySource = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);

        // Only the teams' repositories (as stored: OwnedRepositories) when the store describes them all; the owner is
        // still checked per repository below. The open ones in the order of their index (state, created_at): SQLite, which
        // has no statistics, would otherwise scan the primary key to spare the sort. The closed ones in any order: the
        // result is put in key order below and each pull request's reviews come in key order from their own read, so the
        // order of this read changes nothing, and its sort by closed_at cost twice the rest of the read (SQLite takes the
        // repository index for the repositories' filter and sorted 204,339 rows in a temporary B-tree: 0.35 against
        // 0.11–0.16 s of its CPU at scale 1.0).
        var repositories = await OwnedRepositories.OfTeamsWhenDescribedAsync(request, cancellationToken);
        var closed = StoreQuery.All.Since("closed_at", since).Before("created_at", request.To).InAnyOrder();
        var open = StoreQuery.All.Where("state", PullRequestState.Open).Before("created_at", request.To).OrderedBy("created_at");
        if (repositories is not null)
        {
            closed = closed.WhereIn("repository", repositories);
            open = open.WhereIn("repository", repositories);
        }

        var owner = new CodeLookup<Team?>(request.OwnerOf);
        foreach (var query in new[] { closed, open })
        {
            await foreach (var batch in request.Store.ReadColumnsAsync(Entities.PullRequests, PullRequestColumns, query, cancellationToken))
            {
                var strings = batch.Strings;
                var sources = batch.Codes(0);
                var ids = batch.Codes(1);
                var repositoryCodes = batch.Codes(2);
                var drafts = batch.Codes(3);
                var authors = batch.Codes(4);
                var created = batch.Ticks(5);
                var merged = batch.Ticks(6);
                var closedAt = batch.Ticks(7);
                for (var row = 0; row < batch.Count; row++)
                {
                    var closedAtRow = batch.IsNull(7, row) ? (DateTimeOffset?)null : At(closedAt[row]);
                    if (At(created[row]) >= request.To || closedAtRow < since || owner.Get(strings, repositoryCodes[row]) is not { } team)
                    {
                        continue;
                    }

                    var source = strings[sources[row]];
                    var id = strings[ids[row]];
                    var authorAccount = strings[authors[row]];
                    var pr = new PullRequestRow(
                        source,
                        id,
                        team,
                        authorAccount,
                        request.People.Find(source, authorAccount),
                        At(created[row]),
                        batch.IsNull(6, row) ? null : At(merged[row]),
                        closedAtRow,
                        drafts[row] != 0);
                    var key = Key(source, id);
                    if (index.TryGetValue(key, out var existing))
                    {
                        pullRequests[existing] = pr;
                        continue;
                    }

                    index[key] = pullRequests.Count;
                    (idsBySource.TryGetValue(source, out var bySource) ? bySource : idsBySource[source] = new(StringComparer.Ordinal))[id] = pullRequests.Count;
                    pullRequests.Add(pr);
                }
            }
        }

        // Per read (one source and chunk): the pull request of each id code, the person of each reviewer code. Every
        // review and comment goes into one flat list with its pull request's index, grouped by pull request afterwards
        // (ByPullRequest), rather than into a list per pull request.
        var wanted = pullRequests.Select(pr => (pr.Source, pr.Id)).ToList();
        var currentSource = string.Empty;
        var currentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pullRequestOf = new CodeLookup<int>(id => currentIds.GetValueOrDefault(id, -1));
        var personOf = new CodeLookup<Person?>(account => request.People.Find(currentSource, account));
        var reviewOf = new List<int>();
        var reviews = new List<ReviewRow>();
        await foreach (var (source, batch) in PullRequestChildren.ReadColumnsAsync(request.Store, Entities.Reviews, ReviewColumns, wanted, cancellationToken))
        {
            (currentSource, currentIds) = (source, idsBySource[source]);
            var strings = batch.Strings;
            var prIds = batch.Codes(0);
            var reviewers = batch.Codes(1);
            var states = batch.Codes(2);
            var submitted = batch.Ticks(3);
            for (var row = 0; row < batch.Count; row++)
            {
                var i = pullRequestOf.Get(strings, prIds[row]);
                if (i >= 0)
                {
                    reviewOf.Add(i);
                    reviews.Add(new ReviewRow(At(submitted[row]), (ReviewState)states[row], strings[reviewers[row]], personOf.Get(strings, reviewers[row])));
                }
            }
        }

        var (reviewStarts, reviewsByPullRequest) = ByPullRequest(pullRequests.Count, reviewOf, reviews);

        // In key order (ordinal), whichever read brought each: the review signals count, sort or average integers, so
        // order does not change their values, but a fixed order keeps the list reproducible.
        var order = index.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).ToArray();
        var result = order.Select(i =>
        {
            var pr = pullRequests[i];
            var own = reviewsByPullRequest.AsSpan(reviewStarts[i], reviewStarts[i + 1] - reviewStarts[i]);
            var byOthers = new List<ReviewByOther>(own.Length);
            foreach (var r in own)
            {
                if (r.Reviewer?.IsBot != true && !SamePerson(r.Reviewer, r.Account, pr.Author, pr.AuthorAccount))
                {
                    byOthers.Add(new ReviewByOther(r.SubmittedAt, r.State, r.Reviewer?.Id ?? r.Account));
                }
            }

            SortBySubmission(byOthers);
            return new ReviewedPullRequest(pr.CreatedAt, pr.MergedAt, pr.ClosedAt, pr.IsDraft, pr.Team, pr.Author, byOthers);
        }).ToList();

        // What the activity needs later, in the read's own order: each review's instant (anyone's), grouped as the reviews.
        var reviewInstants = new DateTimeOffset[reviewsByPullRequest.Length];
        for (var r = 0; r < reviewInstants.Length; r++)
        {
            reviewInstants[r] = reviewsByPullRequest[r].SubmittedAt;
        }

        return new ReviewRead(result, order, [.. pullRequests.Select(pr => pr.CreatedAt)], wanted, idsBySource, reviewStarts, reviewInstants);
    }

    /// <summary>The comments' instants of <paramref name="read"/>'s pull requests, grouped by pull request (read order).</summary>
    private static async Task<(int[] Starts, DateTimeOffset[] Instants)> ReadCommentsAsync(SignalRequest request, ReviewRead read, CancellationToken cancellationToken)
    {
        var currentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pullRequestOf = new CodeLookup<int>(id => currentIds.GetValueOrDefault(id, -1));
        var commentOf = new List<int>();
        var comments = new List<DateTimeOffset>();
        await foreach (var (source, batch) in PullRequestChildren.ReadColumnsAsync(request.Store, Entities.ReviewComments, CommentColumns, read.Wanted, cancellationToken))
        {
            currentIds = read.IdsBySource[source];
            var prIds = batch.Codes(0);
            var created = batch.Ticks(1);
            for (var row = 0; row < batch.Count; row++)
            {
                var i = pullRequestOf.Get(batch.Strings, prIds[row]);
                if (i >= 0)
                {
                    commentOf.Add(i);
                    comments.Add(At(created[row]));
                }
            }
        }

        return ByPullRequest(read.CreatedAt.Length, commentOf, comments);
    }

    /// <summary>Every review, comment and the opening of each pull request, sorted, in <see cref="LoadAsync"/>'s order.</summary>
    private static IReadOnlyList<DateTimeOffset[]> ReadActivity(ReviewRead read, (int[] Starts, DateTimeOffset[] Instants) comments)
    {
        var activity = new DateTimeOffset[read.Order.Length][];
        for (var k = 0; k < read.Order.Length; k++)
        {
            var i = read.Order[k];
            var own = read.ReviewInstants.AsSpan(read.ReviewStarts[i], read.ReviewStarts[i + 1] - read.ReviewStarts[i]);
            var said = comments.Instants.AsSpan(comments.Starts[i], comments.Starts[i + 1] - comments.Starts[i]);

            // All are instants at offset zero, so equal ones are identical and an unstable sort gives what the former
            // stable one did.
            var instants = new DateTimeOffset[own.Length + said.Length + 1];
            own.CopyTo(instants);
            said.CopyTo(instants.AsSpan(own.Length));
            instants[^1] = read.CreatedAt[i];
            Array.Sort(instants);
            activity[k] = instants;
        }

        return activity;
    }

    /// <summary>
    /// <paramref name="items"/> grouped by the pull request each belongs to (<paramref name="owners"/>, indices below
    /// <paramref name="count"/>), each group in the order read: pull request i's items are
    /// <c>Items[Starts[i]..Starts[i + 1]]</c>. A stable counting sort: one array for all instead of a list per pull request.
    /// </summary>
    private static (int[] Starts, T[] Items) ByPullRequest<T>(int count, List<int> owners, List<T> items)
    {
        var starts = new int[count + 1];
        foreach (var owner in owners)
        {
            starts[owner + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            starts[i + 1] += starts[i];
        }

        var next = starts[..^1];
        var grouped = new T[items.Count];
        for (var k = 0; k < items.Count; k++)
        {
            grouped[next[owners[k]]++] = items[k];
        }

        return (starts, grouped);
    }

    /// <summary>
    /// Sorts by submission, keeping the read order of reviews submitted at the same instant (as the former
    /// <c>OrderBy</c>): an insertion sort, since a pull request has a handful of reviews, mostly already in order.
    /// </summary>
    private static void SortBySubmission(List<ReviewByOther> reviews)
    {
        for (var i = 1; i < reviews.Count; i++)
        {
            var review = reviews[i];
            var at = i - 1;
            while (at >= 0 && reviews[at].SubmittedAt > review.SubmittedAt)
            {
                reviews[at + 1] = reviews[at];
                at--;
            }

            reviews[at + 1] = review;
        }
    }

    /// <summary>
    /// <paramref name="data"/> grouped by team id, each team's in the order of <paramref name="data"/>: the signals that
    /// go team by team take their team's share instead of filtering the whole list once per team.
    /// </summary>
    public static Dictionary<string, List<ReviewedPullRequest>> ByTeam(IEnumerable<ReviewedPullRequest> data)
    {
        var result = new Dictionary<string, List<ReviewedPullRequest>>(StringComparer.Ordinal);
        foreach (var pr in data)
        {
            (result.TryGetValue(pr.Team.Id, out var list) ? list : result[pr.Team.Id] = []).Add(pr);
        }

        return result;
    }

    /// <summary>
    /// As <see cref="ByTeam"/>, the indices in <paramref name="data"/> instead of the pull requests: for a signal that also
    /// reads a list aligned with it (<see cref="ActivityAsync"/>).
    /// </summary>
    public static Dictionary<string, List<int>> IndicesByTeam(IReadOnlyList<ReviewedPullRequest> data)
    {
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < data.Count; i++)
        {
            (result.TryGetValue(data[i].Team.Id, out var list) ? list : result[data[i].Team.Id] = []).Add(i);
        }

        return result;
    }

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static bool SamePerson(Person? reviewer, string reviewerAccount, Person? author, string authorAccount) =>
        reviewer is not null && author is not null
            ? reviewer.Id == author.Id
            : string.Equals(reviewerAccount, authorAccount, StringComparison.OrdinalIgnoreCase);

    private static string Key(string source, string id) => source + "\u001f" + id;

    /// <summary>
    /// One read of <see cref="ReadOnceAsync"/>: the pull requests in key order, and what <see cref="ActivityAsync"/> needs to add
    /// their comments without reading them again, indexed in the read's order (<paramref name="Order"/> maps one to the other).
    /// </summary>
    /// <param name="PullRequests">The pull requests with their reviews by others, in key order.</param>
    /// <param name="Order">The read index of each of <paramref name="PullRequests"/>.</param>
    /// <param name="CreatedAt">Each pull request's opening, by read index.</param>
    /// <param name="Wanted">Each pull request's source and id, in read order.</param>
    /// <param name="IdsBySource">The read index of each pull request id, by source.</param>
    /// <param name="ReviewStarts">Pull request i's reviews are <c>ReviewInstants[ReviewStarts[i]..ReviewStarts[i + 1]]</c>.</param>
    /// <param name="ReviewInstants">Every review's submission (anyone's), grouped by pull request in read order.</param>
    private sealed record ReviewRead(
        IReadOnlyList<ReviewedPullRequest> PullRequests,
        int[] Order,
        DateTimeOffset[] CreatedAt,
        IReadOnlyList<(string Source, string Id)> Wanted,
        Dictionary<string, Dictionary<string, int>> IdsBySource,
        int[] ReviewStarts,
        DateTimeOffset[] ReviewInstants);

    /// <summary>A review of a selected pull request, as read.</summary>
    private readonly record struct ReviewRow(DateTimeOffset SubmittedAt, ReviewState State, string Account, Person? Reviewer);

    /// <summary>The columns of a selected pull request that the review signals use.</summary>
    private readonly record struct PullRequestRow(
        string Source,
        string Id,
        Team Team,
        string AuthorAccount,
        Person? Author,
        DateTimeOffset CreatedAt,
        DateTimeOffset? MergedAt,
        DateTimeOffset? ClosedAt,
        bool IsDraft);
}
