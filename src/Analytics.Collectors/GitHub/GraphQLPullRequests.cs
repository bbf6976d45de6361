using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Domain.Code;
using Analytics.Domain.People;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// Reads a repository's pull requests newest-updated first in GraphQL pages, each pull request with its labels,
/// reviews, review threads (the review comments), commits and changed files nested (source-apis.md §1.11). A nested
/// connection longer than its nested page is read on with follow-up queries from its cursor, so nothing is lost; the
/// REST file list is read only for pull requests with a renamed or copied file, whose previous path GraphQL lacks, and
/// only when <see cref="GitHubOptions.RenameOrigins"/> asks for it.
/// The page size adapts (<see cref="AdaptivePageSize"/>).
/// </summary>
internal sealed class GraphQLPullRequests(GitHubClient client, GitHubOptions options, AdaptivePageSize size)
{
    /// <summary>Nested page sizes: with 50 pull requests a page costs (1 + 50 × 5 + 50 × 20) / 100 ≈ 13 points and about 20,000 nodes.</summary>
    internal const int Labels = 20, Reviews = 30, Threads = 20, CommentsPerThread = 10, Commits = 50, Files = 100;

    /// <summary>The page size of each continuation in a follow-up query.</summary>
    internal const int FollowUp = 100;

    /// <summary>
    /// Continuations per follow-up query at most: 10 × 100 nodes (a page of review threads: 100 × (1 + 10)) stays far
    /// below GitHub's 500,000-node limit and costs about as many points as one continuation per query did.
    /// </summary>
    internal const int MaxContinuations = 10;

    /// <summary>The operation name of the batched follow-up query.</summary>
    internal const string FollowUpOperation = "PullRequestFollowUps";

    private const string PageInfo = "totalCount pageInfo { hasNextPage endCursor }";
    private const string Actor = "author { __typename login }";
    private const string LabelFields = "name";
    private const string ReviewFields = "fullDatabaseId state submittedAt " + Actor;
    private const string CommentFields = "fullDatabaseId createdAt path " + Actor + " replyTo { fullDatabaseId } pullRequestReview { fullDatabaseId }";
    private const string ThreadFields = "id comments(first: $comments) { " + PageInfo + " nodes { " + CommentFields + " } }";
    private const string CommitFields = "commit { oid authoredDate author { user { login } } }";
    private const string FileFields = "path additions deletions changeType";
    private const string RateLimit = "rateLimit { cost remaining resetAt }";

    /// <summary>The page query; every page size is a variable, so the server (and the fake) can check and count them.</summary>
    internal const string PageQuery =
        "query PullRequests($owner: String!, $name: String!, $first: Int!, $cursor: String, $labels: Int!, $reviews: Int!, $threads: Int!, $comments: Int!, $commits: Int!, $files: Int!) { "
        + RateLimit + " repository(owner: $owner, name: $name) { "
        + "pullRequests(first: $first, after: $cursor, orderBy: {field: UPDATED_AT, direction: DESC}) { pageInfo { hasNextPage endCursor } nodes { "
        + "number title state isDraft createdAt updatedAt closedAt mergedAt additions deletions changedFiles baseRefName headRefName " + Actor + " mergeCommit { oid } "
        + "labels(first: $labels) { " + PageInfo + " nodes { " + LabelFields + " } } "
        + "reviews(first: $reviews) { " + PageInfo + " nodes { " + ReviewFields + " } } "
        + "reviewThreads(first: $threads) { " + PageInfo + " nodes { " + ThreadFields + " } } "
        + "commits(first: $commits) { " + PageInfo + " nodes { " + CommitFields + " } } "
        + "files(first: $files) { " + PageInfo + " nodes { " + FileFields + " } } } } } }";

    private readonly string _url = client.GraphQLUrl;

    // The number of continuations per follow-up query adapts like the page size; it lives as long as the reader.
    private readonly AdaptivePageSize _batch = new(MaxContinuations);

    /// <summary>Streams pages of complete pull requests, newest updated first; the caller stops when it has read enough.</summary>
    /// <param name="repository">The repository, <c>owner/name</c>.</param>
    /// <param name="cache">The cache current at each page (a backfill starts a new one per commit): answers are noted there for the archive, and REST file lists are made conditional through it.</param>
    /// <param name="isOld">Whether a pull request updated then is past what the caller wants: reading stops there (the list is newest first), before its nested connections are read on.</param>
    /// <param name="skip">Whether a pull request updated then is not wanted (already stored): it is left out, and its nested connections are not read on.</param>
    /// <param name="firstPage">The size of the first page when the caller knows how many it needs (null: the adaptive size); later pages use the adaptive size.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="GitHubApiException">A query failed for good, or even a page of one was too heavy.</exception>
    public async IAsyncEnumerable<IReadOnlyList<PullRequestDetails>> PagesAsync(string repository, Func<RepositoryCache> cache, Func<DateTimeOffset, bool> isOld, Func<DateTimeOffset, bool> skip, int? firstPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (owner, name) = Split(repository);
        string? after = null;
        var started = false;
        // Pages come from a cursor that only moves forward: the bound only stops a server that pages in a circle.
        for (var page = 0; page < 100_000; page++)
        {
            var first = !started && firstPage is { } wanted ? Math.Clamp(wanted, 1, size.Current) : size.Current;

            var request = new GraphQLRequest("PullRequests", PageQuery, new JsonObject
            {
                ["owner"] = owner,
                ["name"] = name,
                ["first"] = first,
                ["cursor"] = after,
                ["labels"] = Labels,
                ["reviews"] = Reviews,
                ["threads"] = Threads,
                ["comments"] = CommentsPerThread,
                ["commits"] = Commits,
                ["files"] = Files,
            });
            var answer = await client.QueryAsync(request, mayShrink: first > 1, cancellationToken);
            if (answer.TooHeavy is not null)
            {
                // The same page (same cursor) is asked for again, smaller.
                size.Shrink(first);
                continue;
            }

            size.Succeeded();
            var current = cache();
            current.RecordAnswer(request.ArchiveKey(_url), answer.Body!);
            var where = $"POST {_url} (query PullRequests)";
            var details = new List<PullRequestDetails>();
            var pending = new List<PendingPullRequest>();
            var queue = new List<Continuation>();
            bool hasNext;
            using (var document = JsonDocument.Parse(answer.Body!))
            {
                var connection = Repository(document.RootElement, repository, where).Get("pullRequests")
                    ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"{where}: field 'repository.pullRequests' is missing");
                var old = false;
                foreach (var node in connection.Items("nodes"))
                {
                    var updatedAt = GitHubJson.RequiredAt(node.Time("updatedAt"), "updatedAt", _url, where);
                    if (isOld(updatedAt))
                    {
                        old = true;
                        break;
                    }

                    if (!skip(updatedAt))
                    {
                        var pull = new PendingPullRequest(repository, GitHubJson.RequiredAt(node.Long("number"), "number", _url, where), node);
                        pending.Add(pull);
                        foreach (var nested in (string[])["labels", "reviews", "reviewThreads", "commits", "files"])
                        {
                            if (node.Get(nested) is { } connectionOf)
                            {
                                Continue(pull, nested, connectionOf, queue);
                            }
                        }
                    }
                }

                // The follow-ups of the whole page are read together, several continuations per query.
                // Their answers stay parsed until the page is mapped: the nodes point into them.
                var answers = new List<JsonDocument>();
                try
                {
                    await FollowUpAsync(repository, queue, current, answers, cancellationToken);
                    foreach (var pull in pending)
                    {
                        details.Add(await CompleteAsync(repository, pull, current, cancellationToken));
                    }
                }
                finally
                {
                    answers.ForEach(a => a.Dispose());
                }

                var pageInfo = connection.Get("pageInfo");
                hasNext = !old && pageInfo?.Bool("hasNextPage") == true;
                after = pageInfo?.String("endCursor");
            }

            started = true;
            yield return details;
            if (!hasNext || after is null)
            {
                yield break;
            }
        }
    }

    private static (string Owner, string Name) Split(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return (repository[..slash], repository[(slash + 1)..]);
    }

    private JsonElement Repository(JsonElement root, string repository, string where) =>
        root.Get("data")?.Get("repository")
        ?? throw new GitHubApiException(GitHubErrorKind.NotFound, _url, $"{where}: repository {repository} was not found (or the token cannot see it)");

    // Maps one pull-request node with what the follow-up queries brought, in the order the connections were read
    // before follow-ups were batched (labels, the pull request, reviews, threads and their long comment lists,
    // commits, files): the first sight of an account is the one kept, so the order decides the records.
    private async Task<PullRequestDetails> CompleteAsync(string repository, PendingPullRequest pending, RepositoryCache cache, CancellationToken cancellationToken)
    {
        var node = pending.Node;
        var accounts = new Dictionary<string, Identity>(StringComparer.Ordinal);
        var number = pending.Number;
        var id = GitHubMapper.PullRequestId(repository, number);
        string Where(string operation, string connection) => $"POST {_url} (query {operation}) at {id} {connection}";

        var labels = new List<string>();
        Map(pending, "labels", (n, where) => labels.Add(GitHubJson.RequiredAt(n.String("name"), "name", _url, where)));

        // Mapped before the rest, as REST reads the pull request first: the first sight of an account is the one kept.
        var pullRequest = GitHubMapper.GraphPullRequest(node, repository, labels, accounts, _url, Where("PullRequests", "pull request"));

        var reviews = new List<Review>();
        Map(pending, "reviews", (n, where) =>
        {
            if (GitHubMapper.GraphReview(n, id, accounts, _url, where) is { } review)
            {
                reviews.Add(review);
            }
        });

        var threads = new List<string>();
        var comments = new List<ReviewComment>();
        Map(pending, "reviewThreads", (thread, where) =>
        {
            var connection = thread.Get("comments");
            foreach (var comment in connection?.Items("nodes") ?? [])
            {
                comments.Add(GitHubMapper.GraphReviewComment(comment, id, accounts, _url, where));
            }

            if (connection?.Get("pageInfo") is { } info && info.Bool("hasNextPage") == true)
            {
                threads.Add(GitHubJson.RequiredAt(thread.String("id"), "id", _url, where));
            }
        });
        foreach (var thread in threads)
        {
            foreach (var comment in pending.ThreadComments.GetValueOrDefault(thread, []))
            {
                comments.Add(GitHubMapper.GraphReviewComment(comment, id, accounts, _url, Where(FollowUpOperation, "reviewThreads.comments")));
            }
        }

        var commits = new List<PullRequestCommit>();
        Map(pending, "commits", (n, where) => commits.Add(GitHubMapper.GraphPullRequestCommit(n, id, accounts, _url, where)));

        var files = new List<PullRequestFile>();
        Map(pending, "files", (n, where) => files.Add(GitHubMapper.GraphPullRequestFile(n, id, repository, _url, where)));
        if (options.RenameOrigins && files.Any(GitHubMapper.GraphNeedsRestFiles))
        {
            files = await RestFilesAsync(repository, number, id, cache, cancellationToken);
        }

        return new PullRequestDetails(pullRequest, reviews, comments, commits, files, accounts);
    }

    // The nodes of a nested connection: those that came with the page, then those of its follow-up queries.
    private void Map(PendingPullRequest pending, string connection, Action<JsonElement, string> map)
    {
        var id = GitHubMapper.PullRequestId(pending.Repository, pending.Number);
        foreach (var item in pending.Node.Get(connection)?.Items("nodes") ?? [])
        {
            map(item, $"POST {_url} (query PullRequests) at {id} {connection}");
        }

        foreach (var item in pending.More.GetValueOrDefault(connection, []))
        {
            map(item, $"POST {_url} (query {FollowUpOperation}) at {id} {connection}");
        }
    }

    // The continuations a page (or a follow-up answer) left: nested connections and review threads with more to read.
    private void Continue(PendingPullRequest pending, string connection, JsonElement nested, List<Continuation> queue)
    {
        if (nested.Get("pageInfo") is { } info && info.Bool("hasNextPage") == true && info.String("endCursor") is { } after)
        {
            queue.Add(new Continuation(pending, connection, null, after));
        }

        if (connection == "reviewThreads")
        {
            ContinueThreads(pending, nested, queue);
        }
    }

    // Review threads of a page of threads whose comments did not fit.
    private void ContinueThreads(PendingPullRequest pending, JsonElement nested, List<Continuation> queue)
    {
        var where = $"POST {_url} at {GitHubMapper.PullRequestId(pending.Repository, pending.Number)} reviewThreads";
        foreach (var thread in nested.Items("nodes"))
        {
            if (thread.Get("comments")?.Get("pageInfo") is { } comments && comments.Bool("hasNextPage") == true && comments.String("endCursor") is { } cursor)
            {
                queue.Add(new Continuation(pending, "comments", GitHubJson.RequiredAt(thread.String("id"), "id", _url, where), cursor));
            }
        }
    }

    /// <summary>
    /// Reads every continuation of one page's pull requests with batched follow-up queries: up to
    /// <see cref="MaxContinuations"/> continuations (of any pull requests and connections) per query through aliases,
    /// halved when GitHub gives up on a batch (502, 504, a timeout or a resource limit) and grown again after
    /// successes like the page size; a continuation with more pages, and a long thread a follow-up page shows, go
    /// into a later batch. The parsed answers are added to <paramref name="answers"/>, which the caller disposes once
    /// the page is mapped.
    /// </summary>
    private async Task FollowUpAsync(string repository, List<Continuation> queue, RepositoryCache cache, List<JsonDocument> answers, CancellationToken cancellationToken)
    {
        var (owner, name) = Split(repository);
        // Every answer moves a cursor forward or finishes a continuation: the bound only stops a server that pages in a circle.
        for (var round = 0; queue.Count > 0 && round < 100_000; round++)
        {
            var take = Math.Min(_batch.Current, queue.Count);
            var batch = queue.GetRange(0, take);
            var request = FollowUpRequest(owner, name, batch);
            var answer = await client.QueryAsync(request, mayShrink: take > 1, cancellationToken);
            if (answer.TooHeavy is not null)
            {
                // The same continuations are asked for again, fewer at a time.
                _batch.Shrink(take);
                continue;
            }

            _batch.Succeeded();
            queue.RemoveRange(0, take);
            cache.RecordAnswer(request.ArchiveKey(_url), answer.Body!);
            var document = JsonDocument.Parse(answer.Body!);
            answers.Add(document);
            var data = document.RootElement.Get("data");
            for (var i = 0; i < batch.Count; i++)
            {
                var continuation = batch[i];
                var alias = Alias(i);
                var id = GitHubMapper.PullRequestId(repository, continuation.Pending.Number);
                var where = $"POST {_url} (query {FollowUpOperation}) at {id} {(continuation.Thread is null ? continuation.Connection : "reviewThreads.comments")}";
                if (continuation.Thread is { } thread)
                {
                    var comments = data?.Get(alias)?.Get("comments")
                        ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"{where}: field '{alias}.comments' (thread {thread}) is missing");
                    if (!continuation.Pending.ThreadComments.TryGetValue(thread, out var list))
                    {
                        continuation.Pending.ThreadComments[thread] = list = [];
                    }

                    list.AddRange(comments.Items("nodes"));
                    if (comments.Get("pageInfo") is { } info && info.Bool("hasNextPage") == true && info.String("endCursor") is { } after)
                    {
                        queue.Add(continuation with { After = after });
                    }

                    continue;
                }

                var more = (data?.Get("repository") ?? throw new GitHubApiException(GitHubErrorKind.NotFound, _url, $"{where}: repository {repository} was not found (or the token cannot see it)"))
                    .Get(alias)?.Get(continuation.Connection)
                    ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"{where}: field 'repository.{alias}.{continuation.Connection}' is missing");
                if (!continuation.Pending.More.TryGetValue(continuation.Connection, out var nodes))
                {
                    continuation.Pending.More[continuation.Connection] = nodes = [];
                }

                nodes.AddRange(more.Items("nodes"));
                // More pages of this connection, and long threads on this page of threads, go into later batches.
                if (more.Get("pageInfo") is { } pageInfo && pageInfo.Bool("hasNextPage") == true && pageInfo.String("endCursor") is { } next)
                {
                    queue.Add(continuation with { After = next });
                }

                if (continuation.Connection == "reviewThreads")
                {
                    ContinueThreads(continuation.Pending, more, queue);
                }
            }
        }

        if (queue.Count > 0)
        {
            // Not skipped silently: the page fails, and the run resumes from its cursor next time.
            throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"POST {_url} (query {FollowUpOperation}): {queue.Count} continuations of {repository} still had pages after 100,000 follow-up queries (the server pages in a circle?)");
        }
    }

    private static string Alias(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The batched follow-up query (operation <see cref="FollowUpOperation"/>): continuation <c>i</c> is the alias
    /// <c>c{i}</c>, a <c>pullRequest(number: $n{i})</c> under the repository for a nested connection or a
    /// <c>node(id: $id{i})</c> for a review thread's comments, each with <c>first: $f{i}, after: $a{i}</c>.
    /// </summary>
    internal static GraphQLRequest FollowUpRequest(string owner, string name, IReadOnlyList<Continuation> batch)
    {
        var declarations = new List<string>();
        var pulls = new StringBuilder();
        var nodes = new StringBuilder();
        var variables = new JsonObject();
        for (var i = 0; i < batch.Count; i++)
        {
            var c = batch[i];
            var alias = Alias(i);
            var n = i.ToString(CultureInfo.InvariantCulture);
            declarations.Add($"$f{n}: Int!");
            declarations.Add($"$a{n}: String");
            variables["f" + n] = FollowUp;
            variables["a" + n] = c.After;
            if (c.Thread is { } thread)
            {
                declarations.Add($"$id{n}: ID!");
                variables["id" + n] = thread;
                nodes.Append(CultureInfo.InvariantCulture, $" {alias}: node(id: $id{n}) {{ ... on PullRequestReviewThread {{ comments(first: $f{n}, after: $a{n}) {{ {PageInfo} nodes {{ {CommentFields} }} }} }} }}");
            }
            else
            {
                declarations.Add($"$n{n}: Int!");
                variables["n" + n] = c.Pending.Number;
                pulls.Append(CultureInfo.InvariantCulture, $" {alias}: pullRequest(number: $n{n}) {{ {c.Connection}(first: $f{n}, after: $a{n}) {{ {PageInfo} nodes {{ {FieldsOf(c.Connection)} }} }} }}");
            }
        }

        if (pulls.Length > 0)
        {
            declarations.InsertRange(0, ["$owner: String!", "$name: String!"]);
            variables["owner"] = owner;
            variables["name"] = name;
            if (batch.Any(c => c.Thread is null && c.Connection == "reviewThreads"))
            {
                declarations.Add("$comments: Int!");
                variables["comments"] = CommentsPerThread;
            }
        }

        var text = $"query {FollowUpOperation}({string.Join(", ", declarations)}) {{ {RateLimit}"
            + (pulls.Length > 0 ? $" repository(owner: $owner, name: $name) {{{pulls} }}" : "")
            + nodes + " }";
        return new GraphQLRequest(FollowUpOperation, text, variables);
    }

    private static string FieldsOf(string connection) => connection switch
    {
        "labels" => LabelFields,
        "reviews" => ReviewFields,
        "reviewThreads" => ThreadFields,
        "commits" => CommitFields,
        "files" => FileFields,
        _ => throw new ArgumentOutOfRangeException(nameof(connection), connection, "not a nested connection of a pull request"),
    };

    // GraphQL's changed files have no previous path: the REST list (conditional, so a re-read costs a 304) has it.
    private async Task<List<PullRequestFile>> RestFilesAsync(string repository, long number, string id, RepositoryCache cache, CancellationToken cancellationToken)
    {
        var files = new List<PullRequestFile>();
        var url = client.UrlOf($"repos/{repository}/pulls/{number.ToString(CultureInfo.InvariantCulture)}/files?per_page={options.PageSize.ToString(CultureInfo.InvariantCulture)}");
        await foreach (var page in client.GetPagesAsync(url, cache, cancellationToken))
        {
            cache.Record(page);
            using var document = GitHubSync.Parse(page);
            files.AddRange(document.RootElement.EnumerateArray().Select(f => GitHubMapper.PullRequestFile(f, id, repository, page.Url)));
        }

        return files;
    }
}
