using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>The page size of follow-up queries (one nested connection of one pull request).</summary>
    internal const int FollowUp = 100;

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

    /// <summary>The follow-up query of one nested connection of one pull request (operation <c>PullRequest{Connection}</c>).</summary>
    internal static string FollowUpQuery(string operation, string connection, string fields) =>
        $"query {operation}($owner: String!, $name: String!, $number: Int!, $first: Int!, $cursor: String{(connection == "reviewThreads" ? ", $comments: Int!" : "")}) {{ "
        + RateLimit + " repository(owner: $owner, name: $name) { pullRequest(number: $number) { "
        + connection + "(first: $first, after: $cursor) { " + PageInfo + " nodes { " + fields + " } } } } }";

    /// <summary>The follow-up query of one review thread's comments.</summary>
    internal const string ThreadCommentsQuery =
        "query ThreadComments($id: ID!, $first: Int!, $cursor: String) { " + RateLimit
        + " node(id: $id) { ... on PullRequestReviewThread { comments(first: $first, after: $cursor) { " + PageInfo + " nodes { " + CommentFields + " } } } } }";

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
                        details.Add(await CompleteAsync(repository, node, current, cancellationToken));
                    }
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

    // Maps one pull-request node and reads on every nested connection that did not fit.
    private async Task<PullRequestDetails> CompleteAsync(string repository, JsonElement node, RepositoryCache cache, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, Identity>(StringComparer.Ordinal);
        var number = GitHubJson.RequiredAt(node.Long("number"), "number", _url, $"POST {_url} (query PullRequests)");
        var id = GitHubMapper.PullRequestId(repository, number);
        string Where(string operation, string connection) => $"POST {_url} (query {operation}) at {id} {connection}";

        var labels = new List<string>();
        await ReadAsync(node, "labels", LabelFields, repository, number, cache, (n, _) => labels.Add(GitHubJson.RequiredAt(n.String("name"), "name", _url, Where("PullRequests", "labels"))), cancellationToken);

        // Mapped before the rest, as REST reads the pull request first: the first sight of an account is the one kept.
        var pullRequest = GitHubMapper.GraphPullRequest(node, repository, labels, accounts, _url, Where("PullRequests", "pull request"));

        var reviews = new List<Review>();
        await ReadAsync(node, "reviews", ReviewFields, repository, number, cache, (n, where) =>
        {
            if (GitHubMapper.GraphReview(n, id, accounts, _url, where) is { } review)
            {
                reviews.Add(review);
            }
        }, cancellationToken);

        var threads = new List<(string Id, string? After)>();
        var comments = new List<ReviewComment>();
        await ReadAsync(node, "reviewThreads", ThreadFields, repository, number, cache, (thread, where) =>
        {
            var connection = thread.Get("comments");
            foreach (var comment in connection?.Items("nodes") ?? [])
            {
                comments.Add(GitHubMapper.GraphReviewComment(comment, id, accounts, _url, where));
            }

            if (connection?.Get("pageInfo") is { } info && info.Bool("hasNextPage") == true)
            {
                threads.Add((GitHubJson.RequiredAt(thread.String("id"), "id", _url, where), info.String("endCursor")));
            }
        }, cancellationToken);
        foreach (var (thread, after) in threads)
        {
            await ReadThreadAsync(thread, after, cache, n => comments.Add(GitHubMapper.GraphReviewComment(n, id, accounts, _url, Where("ThreadComments", "reviewThreads.comments"))), cancellationToken);
        }

        var commits = new List<PullRequestCommit>();
        await ReadAsync(node, "commits", CommitFields, repository, number, cache, (n, where) => commits.Add(GitHubMapper.GraphPullRequestCommit(n, id, accounts, _url, where)), cancellationToken);

        var files = new List<PullRequestFile>();
        await ReadAsync(node, "files", FileFields, repository, number, cache, (n, where) => files.Add(GitHubMapper.GraphPullRequestFile(n, id, repository, _url, where)), cancellationToken);
        if (options.RenameOrigins && files.Any(GitHubMapper.GraphNeedsRestFiles))
        {
            files = await RestFilesAsync(repository, number, id, cache, cancellationToken);
        }

        return new PullRequestDetails(pullRequest, reviews, comments, commits, files, accounts);
    }

    // The nodes of a nested connection: those that came with the page, then follow-up pages from its cursor.
    private async Task ReadAsync(JsonElement node, string connection, string fields, string repository, long number, RepositoryCache cache, Action<JsonElement, string> map, CancellationToken cancellationToken)
    {
        var id = GitHubMapper.PullRequestId(repository, number);
        var nested = node.Get(connection);
        foreach (var item in nested?.Items("nodes") ?? [])
        {
            map(item, $"POST {_url} (query PullRequests) at {id} {connection}");
        }

        if (nested?.Get("pageInfo") is not { } info || info.Bool("hasNextPage") != true)
        {
            return;
        }

        var operation = "PullRequest" + char.ToUpperInvariant(connection[0]) + connection[1..];
        var where = $"POST {_url} (query {operation}) at {id} {connection}";
        var (owner, name) = Split(repository);
        var after = info.String("endCursor");
        for (var page = 0; after is not null && page < 10_000; page++)
        {
            var variables = new JsonObject { ["owner"] = owner, ["name"] = name, ["number"] = number, ["first"] = FollowUp, ["cursor"] = after };
            if (connection == "reviewThreads")
            {
                variables["comments"] = CommentsPerThread;
            }

            var request = new GraphQLRequest(operation, FollowUpQuery(operation, connection, fields), variables);
            var answer = await client.QueryAsync(request, mayShrink: false, cancellationToken);
            cache.RecordAnswer(request.ArchiveKey(_url), answer.Body!);
            using var document = JsonDocument.Parse(answer.Body!);
            var more = Repository(document.RootElement, repository, where).Get("pullRequest")?.Get(connection)
                ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"{where}: field 'repository.pullRequest.{connection}' is missing");
            foreach (var item in more.Items("nodes"))
            {
                map(item, where);
            }

            after = more.Get("pageInfo")?.Bool("hasNextPage") == true ? more.Get("pageInfo")?.String("endCursor") : null;
        }
    }

    private async Task ReadThreadAsync(string thread, string? after, RepositoryCache cache, Action<JsonElement> map, CancellationToken cancellationToken)
    {
        var where = $"POST {_url} (query ThreadComments) at thread {thread}";
        for (var page = 0; after is not null && page < 10_000; page++)
        {
            var request = new GraphQLRequest("ThreadComments", ThreadCommentsQuery, new JsonObject { ["id"] = thread, ["first"] = FollowUp, ["cursor"] = after });
            var answer = await client.QueryAsync(request, mayShrink: false, cancellationToken);
            cache.RecordAnswer(request.ArchiveKey(_url), answer.Body!);
            using var document = JsonDocument.Parse(answer.Body!);
            var comments = document.RootElement.Get("data")?.Get("node")?.Get("comments")
                ?? throw new GitHubApiException(GitHubErrorKind.MalformedResponse, _url, $"{where}: field 'node.comments' is missing");
            foreach (var item in comments.Items("nodes"))
            {
                map(item);
            }

            after = comments.Get("pageInfo")?.Bool("hasNextPage") == true ? comments.Get("pageInfo")?.String("endCursor") : null;
        }
    }

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
